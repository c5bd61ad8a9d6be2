package io.mpensemble.support.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PyReprTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEmptyListPrintsAsBrackets() {
        assertThat(PyRepr.ofInts(List.of())).isEqualTo("[]");
    }

    @Test
    void intsAreSeparatedByCommaAndSpaceAsInPython() {
        assertThat(PyRepr.ofInts(List.of(BigInteger.ONE, BigInteger.valueOf(-4), BigInteger.valueOf(9))))
                .isEqualTo("[1, -4, 9]");
    }

    @Test
    void integersBeyondLongPrintEveryDigit() {
        BigInteger big = BigInteger.TWO.pow(130);
        assertThat(PyRepr.ofInts(List.of(big))).isEqualTo("[1361129467683753853853498429727072845824]");
    }

    /** float-repr.tsv was written by CPython 3.11: each line is a float and its repr(). */
    @Test
    void floatsPrintAsCPythonPrintsThem() throws IOException {
        List<String> lines = resource("/python/float-repr.tsv").lines().toList();
        assertThat(lines).hasSizeGreaterThan(200);
        for (String line : lines) {
            String[] columns = line.split("\t");
            assertThat(PyRepr.of(Double.parseDouble(columns[0]))).as(columns[0]).isEqualTo(columns[1]);
        }
        assertThat(PyRepr.of(-0.0)).isEqualTo("-0.0");
        assertThat(PyRepr.of(Double.POSITIVE_INFINITY)).isEqualTo("inf");
    }

    /** str-repr.json was written by CPython 3.11: pairs of a string and its repr(). */
    @Test
    void stringsPrintWithPythonsQuotesAndEscapes() throws IOException {
        for (JsonNode pair : json.readTree(resource("/python/str-repr.json"))) {
            assertThat(PyRepr.ofString(pair.get(0).stringValue())).isEqualTo(pair.get(1).stringValue());
        }
    }

    /**
     * str-repr-unicode.json was written by CPython 3.11 ({@code python3 str-repr-unicode.py > str-repr-unicode.json},
     * the script beside it): strings of every kind of character repr() escapes and of printable ones, and their
     * repr(). Characters unassigned in Python's Unicode 14 are left out but for noncharacters: the JVM's Unicode is
     * newer, so it prints some that Python escapes.
     */
    @Test
    void nonPrintableCharactersAreEscapedAsPythonEscapesThem() throws IOException {
        JsonNode pairs = json.readTree(resource("/python/str-repr-unicode.json"));
        assertThat(pairs.size()).isGreaterThan(400);
        for (JsonNode pair : pairs) {
            String text = pair.get(0).stringValue();
            assertThat(PyRepr.ofString(text)).as("repr of %s", text.codePoints()
                    .mapToObj(Integer::toHexString).toList()).isEqualTo(pair.get(1).stringValue());
        }
        JsonNode list = json.readTree("[\"\\u00a0\", \"\\u200b\", \"\\ue000\"]");
        assertThat(PyRepr.of(list)).isEqualTo("['\\xa0', '\\u200b', '\\ue000']");
    }

    @Test
    void jsonValuesPrintAsTheirPythonCounterparts() {
        JsonNode record = json.readTree("[\"Sam\", 10, 2.5, true, null, {\"k\": [1.0]}, 123456789012345678901234567890]");
        assertThat(PyRepr.of(record)).isEqualTo("['Sam', 10, 2.5, True, None, {'k': [1.0]}, 123456789012345678901234567890]");
        assertThat(PyRepr.str(record.get(0))).isEqualTo("Sam");
        assertThat(PyRepr.str(record.get(1))).isEqualTo("10");
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
