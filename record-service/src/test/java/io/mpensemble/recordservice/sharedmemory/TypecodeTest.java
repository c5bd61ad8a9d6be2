package io.mpensemble.recordservice.sharedmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.mpensemble.recordservice.RecordProblem;

/** The typecode rules without Redis or Spring: C's ranges, Python's conversions, and the refusals. */
class TypecodeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "''{0}'' holds {1}..{2}")
    @CsvFileSource(resources = "/io/mpensemble/recordservice/sharedmemory/integer-typecodes.csv")
    void integerTypecodesHoldExactlyTheirCRange(String code, BigInteger min, BigInteger max) {
        Typecode typecode = Typecode.of(code);
        assertThat(roundTrip(typecode, min.toString())).isEqualTo(min);
        assertThat(roundTrip(typecode, max.toString())).isEqualTo(max);
        assertThat(roundTrip(typecode, "0")).isEqualTo(BigInteger.ZERO);
        assertThat(typecode.decode(typecode.zero(), 0)).isEqualTo(BigInteger.ZERO);

        String range = "'" + code + "' (" + min + ".." + max + ")";
        assertRefused(typecode, min.subtract(BigInteger.ONE).toString(), "out-of-range",
                "value " + min.subtract(BigInteger.ONE) + " is outside typecode " + range);
        assertRefused(typecode, max.add(BigInteger.ONE).toString(), "out-of-range",
                "value " + max.add(BigInteger.ONE) + " is outside typecode " + range);
    }

    @Test
    void theSpecsExampleOfARefusal() {
        assertRefused(Typecode.INT, "2147483648", "out-of-range",
                "value 2147483648 is outside typecode 'i' (-2147483648..2147483647)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.5", "2.0", "1e2", "\"2\"", "true", "null", "[1]", "{}" })
    void integerTypecodesTakeJsonIntegersOnly(String json) {
        for (Typecode typecode : List.of(Typecode.SIGNED_CHAR, Typecode.INT, Typecode.UNSIGNED_LONG_LONG)) {
            assertRefused(typecode, json, "type-error", "value must be an integer for typecode '" + typecode.code()
                    + "', not ");
        }
    }

    @Test
    void floatIsStoredAsFloat32AndReadBackAsItsDouble() {
        assertThat(roundTrip(Typecode.FLOAT, "0.1")).isEqualTo(0.10000000149011612);
        assertThat(roundTrip(Typecode.FLOAT, "16777217")).as("an int, rounded as float32(float(int))")
                .isEqualTo(16777216.0);
        assertThat(roundTrip(Typecode.FLOAT, "3.4028234663852886e38")).isEqualTo((double) Float.MAX_VALUE);
        assertThat(roundTrip(Typecode.FLOAT, "-3.4028234663852886e38")).isEqualTo((double) -Float.MAX_VALUE);
        assertThat(roundTrip(Typecode.FLOAT, "1e-50")).as("underflow is not an error in Python").isEqualTo(0.0);
        assertThat(roundTrip(Typecode.FLOAT, "4")).isEqualTo(4.0);
        assertThat(Typecode.FLOAT.decode(Typecode.FLOAT.zero(), 0)).isEqualTo(0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.5e38", "-3.5e38", "1e39", "1e400", "340282366920938463463374607431768211456" })
    void floatBeyondFloat32IsOutOfRange(String json) {
        assertRefused(Typecode.FLOAT, json, "out-of-range", "is outside typecode 'f' (finite, magnitude at most "
                + "3.4028234663852886E38)");
    }

    @Test
    void doubleTakesAnyJsonNumberADoubleHolds() {
        assertThat(roundTrip(Typecode.DOUBLE, "0.1")).isEqualTo(0.1);
        assertThat(roundTrip(Typecode.DOUBLE, "9007199254740993")).as("2^53 + 1, rounded as float(int)")
                .isEqualTo(9007199254740992.0);
        assertThat(roundTrip(Typecode.DOUBLE, "1.7976931348623157e308")).isEqualTo(Double.MAX_VALUE);
        assertThat(roundTrip(Typecode.DOUBLE, "-0.0")).isEqualTo(-0.0);
        assertRefused(Typecode.DOUBLE, "1" + "0".repeat(309), "out-of-range", "is outside typecode 'd'");
        assertRefused(Typecode.DOUBLE, "1e400", "out-of-range", "is outside typecode 'd'");
        assertRefused(Typecode.DOUBLE, "\"1.5\"", "type-error", "value must be a number for typecode 'd', not "
                + "\"1.5\"");
        assertRefused(Typecode.FLOAT, "false", "type-error", "value must be a number for typecode 'f'");
    }

    @Test
    void charIsOneCharacterWithCodePoint0To255() {
        assertThat(roundTrip(Typecode.CHAR, "\"A\"")).isEqualTo("A");
        assertThat(roundTrip(Typecode.CHAR, "\"\\u00ff\"")).isEqualTo("\u00ff");
        assertThat(roundTrip(Typecode.CHAR, "\"\\u0000\"")).isEqualTo("\u0000");
        assertThat(Typecode.CHAR.decode(Typecode.CHAR.zero(), 0)).isEqualTo("\u0000");
        assertRefused(Typecode.CHAR, "\"\\u0100\"", "out-of-range", "is outside typecode 'c' (one character, "
                + "code point 0..255)");
        assertRefused(Typecode.CHAR, "\"\uD83D\uDE00\"", "out-of-range", "is outside typecode 'c'");
        for (String notOneCharacter : List.of("\"AB\"", "\"\"", "65", "null")) {
            assertRefused(Typecode.CHAR, notOneCharacter, "type-error",
                    "value must be a string of one character for typecode 'c'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "x", "", "ii", "I ", "u", "D" })
    void unknownTypecodeIsATypeError(String code) {
        assertThatThrownBy(() -> Typecode.of(code)).isInstanceOfSatisfying(RecordProblem.class, problem -> {
            assertThat(problem.type().uri().toString()).endsWith(":type-error");
            assertThat(problem.getMessage()).contains("unknown typecode", "b B h H i I l L q Q f d c");
        });
    }

    @Test
    void unsigned64BitElementsAreShiftedBy2To63SoRedisCanAddThemAsSigned() {
        assertThat(Typecode.UNSIGNED_LONG_LONG.zero()).containsExactly(0x80, 0, 0, 0, 0, 0, 0, 0);
        assertThat(Typecode.UNSIGNED_LONG.encode(json("18446744073709551615"), "value"))
                .containsExactly(0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
        assertThat(Typecode.INT.encode(json("-2"), "value")).as("big-endian two's complement")
                .containsExactly(0xff, 0xff, 0xff, 0xfe);
    }

    @Test
    void elementsOfAnArrayAreEncodedTogetherAndNamedByIndexWhenRefused() {
        byte[] bytes = Typecode.SHORT.encodeAll(List.of(json("1"), json("-1"), json("32767")), "values");
        assertThat(Typecode.SHORT.decodeAll(bytes, 0)).containsExactly(BigInteger.ONE, BigInteger.ONE.negate(),
                BigInteger.valueOf(32767));
        assertThat(Typecode.UNSIGNED_SHORT.decodeAll(Typecode.UNSIGNED_SHORT.zeros(3), 0))
                .containsExactly(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
        assertThatThrownBy(() -> Typecode.SHORT.encodeAll(List.of(json("1"), json("32768")), "values"))
                .hasMessage("values[1] 32768 is outside typecode 'h' (-32768..32767)");
    }

    @Test
    void aDeltaLargerThanTheWholeRangeIsOutOfRangeWhateverTheValue() {
        assertThat(Typecode.UNSIGNED_LONG_LONG.integerDelta(json("18446744073709551615")))
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(Typecode.SIGNED_CHAR.integerDelta(json("-255"))).isEqualTo(BigInteger.valueOf(-255));
        assertThatThrownBy(() -> Typecode.SIGNED_CHAR.integerDelta(json("256")))
                .hasMessage("delta 256 takes any value outside typecode 'b' (-128..127)");
        assertThatThrownBy(() -> Typecode.INT.integerDelta(json("1.0"))).hasMessageContaining("delta must be an "
                + "integer");
        assertThatThrownBy(() -> Typecode.CHAR.integerDelta(json("1"))).isInstanceOfSatisfying(RecordProblem.class,
                problem -> assertThat(problem.type().uri().toString()).endsWith(":type-error"));
        assertThat(Typecode.FLOAT.floatDelta(json("1"))).isEqualTo(1.0);
        assertThatThrownBy(() -> Typecode.DOUBLE.floatDelta(json("1e400"))).hasMessageContaining("too large");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "1", "-1", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "18446744073709551614", "18446744073709551615", "-18446744073709551615" })
    void aDeltaBeyondInt64IsSentAsPartsOfOneSignThatEachFitInt64(String delta) {
        List<String> parts = SharedMemory.int64Parts(new BigInteger(delta));
        assertThat(parts).hasSizeBetween(1, 3);
        assertThat(parts.stream().map(BigInteger::new).reduce(BigInteger.ZERO, BigInteger::add))
                .isEqualTo(new BigInteger(delta));
        assertThat(parts).allSatisfy(part -> {
            assertThat(new BigInteger(part).bitLength()).isLessThan(64);
            assertThat(new BigInteger(part).signum() * new BigInteger(delta).signum()).isNotNegative();
        });
    }

    private static Object roundTrip(Typecode typecode, String json) {
        return typecode.decode(typecode.encode(json(json), "value"), 0);
    }

    private static void assertRefused(Typecode typecode, String json, String slug, String detail) {
        assertThatThrownBy(() -> typecode.encode(json(json), "value")).isInstanceOfSatisfying(RecordProblem.class,
                problem -> {
                    assertThat(problem.type().uri().toString()).isEqualTo("urn:mp-ensemble:problem:" + slug);
                    assertThat(problem.getMessage()).contains(detail);
                });
    }

    private static JsonNode json(String json) {
        return JSON.readTree(json);
    }
}
