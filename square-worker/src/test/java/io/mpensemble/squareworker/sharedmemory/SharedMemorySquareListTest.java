package io.mpensemble.squareworker.sharedmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SharedMemorySquareListTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void integersSquareExactlyAndFloatsAsIeeeDoubles() {
        assertThat(SharedMemorySquareList.square(node("99999999999999999999")).bigIntegerValue())
                .hasToString("9999999999999999999800000000000000000001");
        assertThat(SharedMemorySquareList.square(node("1.5")).doubleValue()).isEqualTo(2.25);
        assertThat(SharedMemorySquareList.square(node("0.1")).doubleValue()).isEqualTo(0.1 * 0.1);
    }

    @Test
    void sumOfIntsStaysAnExactInt() {
        JsonNode sum = SharedMemorySquareList.sum(List.of(node("9223372036854775807"), node("1")));
        assertThat(sum.isIntegralNumber()).isTrue();
        assertThat(sum.bigIntegerValue()).hasToString("9223372036854775808");
    }

    @Test
    void sumOfFloatsAddsLeftToRightAsPythonDoes() {
        JsonNode sum = SharedMemorySquareList.sum(List.of(node("0.1"), node("0.2"), node("0.3")));
        assertThat(sum.isFloatingPointNumber()).isTrue();
        assertThat(sum.doubleValue()).isEqualTo(0.1 + 0.2 + 0.3).isNotEqualTo(0.6);
    }

    @Test
    void theSumOfNothingIsTheIntZero() {
        assertThat(SharedMemorySquareList.sum(List.of()).isIntegralNumber()).isTrue();
    }

    private JsonNode node(String text) {
        return json.readTree(text);
    }
}
