package io.mpensemble.squareworker.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

class SquareListProcessTest {

    @Test
    void printsTheSquaresItHoldsInItsOwnResult() {
        var p1 = new SquareListProcess();
        String line = p1.squareList(List.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(-3)));
        assertThat(line).isEqualTo("Result(in process p1): [1, 4, 9]");
        assertThat(p1.result()).containsExactly(BigInteger.ONE, BigInteger.valueOf(4), BigInteger.valueOf(9));
    }

    @Test
    void squaresExactlyWhereALongWouldOverflow() {
        BigInteger n = BigInteger.valueOf(Long.MAX_VALUE);
        String line = new SquareListProcess().squareList(List.of(n));
        assertThat(line).isEqualTo("Result(in process p1): [85070591730234615847396907784232501249]");
    }

    @Test
    void eachProcessHasItsOwnMemory() {
        var first = new SquareListProcess();
        first.squareList(List.of(BigInteger.TEN));
        var second = new SquareListProcess();
        assertThat(second.squareList(List.of())).isEqualTo("Result(in process p1): []");
        assertThat(first.result()).containsExactly(BigInteger.valueOf(100));
    }
}
