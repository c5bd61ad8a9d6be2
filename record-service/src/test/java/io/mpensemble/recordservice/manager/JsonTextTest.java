package io.mpensemble.recordservice.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.mpensemble.recordservice.RecordProblem;

/** The JSON text a value is kept as, and what it refuses to keep, naming the field at fault. */
class JsonTextTest {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final JsonText TEXT = new JsonText(MAPPER, new ManagerProperties(Duration.ofHours(1), Duration.ofDays(1),
            1000, 100, 100, DataSize.ofBytes(16)));

    @Test
    void writesCompactTextWhateverTheMapperIndents() {
        assertThat(TEXT.write(MAPPER.readTree("{\"a\": [1, \"x\\ny\"]}"), "value")).isEqualTo("{\"a\":[1,\"x\\ny\"]}");
        assertThat(TEXT.read("{\"a\":[1,2.5]}")).isEqualTo(MAPPER.readTree("{\"a\": [1, 2.5]}"));
    }

    @Test
    void countsUtf8BytesAgainstTheLimit() {
        assertThat(TEXT.write(MAPPER.readTree("\"ééééééé\""), "value")).hasSize(9); // 16 bytes
        assertThatThrownBy(() -> TEXT.write(MAPPER.readTree("\"éééééééx\""), "values[3]"))
                .isInstanceOf(RecordProblem.class).hasMessage("values[3] is 17 bytes, more than the limit of 16 "
                        + "(mp-ensemble.records.manager.max-value-size)");
        assertThat(TEXT.key("k".repeat(16), "key")).hasSize(16);
        assertThatThrownBy(() -> TEXT.key("k".repeat(17), "key")).isInstanceOf(RecordProblem.class);
    }

    @Test
    void refusesNumbersBeyondAFloatNamingWhere() {
        assertThatThrownBy(() -> TEXT.write(MAPPER.readTree("{\"a\": [0, -1e309]}"), "value"))
                .isInstanceOf(RecordProblem.class).hasMessageStartingWith("value.a[1]: a number beyond a float's range")
                .extracting(problem -> ((RecordProblem) problem).type().uri().toString())
                .isEqualTo("urn:mp-ensemble:problem:out-of-range");
    }

    @Test
    void refusesLoneSurrogatesWhichUtf8CannotHold() {
        assertThat(TEXT.write(MAPPER.readTree("\"\\ud83d\\ude00\""), "value")).isEqualTo("\"\uD83D\uDE00\"");
        assertThatThrownBy(() -> TEXT.write(MAPPER.readTree("[\"\\ude00\\ud83d\"]"), "value"))
                .isInstanceOf(RecordProblem.class)
                .hasMessage("value[0]: a lone surrogate (U+DE00) cannot be stored as UTF-8 text");
        assertThatThrownBy(() -> TEXT.key("a\ud800", "key")).hasMessageStartingWith("key: a lone surrogate (U+D800)");
    }
}
