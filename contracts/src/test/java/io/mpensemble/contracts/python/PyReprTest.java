package io.mpensemble.contracts.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

class PyReprTest {

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
}
