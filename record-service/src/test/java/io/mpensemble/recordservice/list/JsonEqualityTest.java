package io.mpensemble.recordservice.list;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;

/** Python's == on json.loads values (each pair checked with Python 3.11), as equality of keys. */
class JsonEqualityTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1                             | 1.0
            0                             | -0.0
            1                             | true
            0                             | false
            100                           | 1e2
            100000000000000000000         | 1e20
            9007199254740992              | 9007199254740993.0
            0.1                           | 1e-1
            0.30000000000000004           | 0.30000000000000004
            1.5                           | 15e-1
            "A"                           | "\\u0041"
            "é"                           | "\\u00e9"
            "line\\nbreak"                | "line\\u000abreak"
            [1, [2.0, {"a": true}]]       | [1.0, [2, {"a": 1}]]
            {"a": 1, "b": 2}              | {"b": 2.0, "a": 1}
            {"x": {"q": [], "p": null}}   | {"x": {"p": null, "q": []}}
            null                          | null
            []                            | []
            """)
    void equalAsInPython(String left, String right) {
        assertThat(key(left)).isEqualTo(key(right));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1                             | "1"
            1                             | [1]
            0                             | null
            false                         | null
            ""                            | null
            []                            | {}
            []                            | null
            9007199254740993              | 9007199254740993.0
            100000000000000000001         | 1e20
            0.1                           | 0.10000000000000002
            1                             | 2
            true                          | 2
            [1, 2]                        | [2, 1]
            [1]                           | [1, 1]
            {"a": 1}                      | {"a": 1, "b": 1}
            {"a": 1}                      | {"A": 1}
            "a"                           | "A"
            "1"                           | "1.0"
            """)
    void notEqualAsInPython(String left, String right) {
        assertThat(key(left)).isNotEqualTo(key(right));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "a\\nb"
            {"k\\n": "\\n"}
            """)
    void aKeyNeverHoldsALineBreak(String value) {
        assertThat(key(value)).doesNotContain("\n");
    }

    private static String key(String json) {
        return JsonEquality.key(JSON.readTree(json));
    }
}
