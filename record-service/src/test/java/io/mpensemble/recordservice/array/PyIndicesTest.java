package io.mpensemble.recordservice.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mpensemble.recordservice.RecordProblem;

/** Python's index and slice arithmetic; each expectation is what CPython 3.11 answers for {@code list(range(7))}. */
class PyIndicesTest {

    @ParameterizedTest(name = "range(7)[{0}:{1}:{2}] == [{3}]")
    @CsvSource(delimiter = '|', nullValues = "None", value = {
            "None | None | None | 0 1 2 3 4 5 6",
            "None | None | -1   | 6 5 4 3 2 1 0",
            "1    | None | None | 1 2 3 4 5 6",
            "-2   | None | None | 5 6",
            "None | -2   | None | 0 1 2 3 4",
            "1    | 5    | 2    | 1 3",
            "5    | 1    | -2   | 5 3",
            "-1   | None | -3   | 6 3 0",
            "10   | None | -1   | 6 5 4 3 2 1 0",
            "None | 10   | 3    | 0 3 6",
            "-10  | 3    | None | 0 1 2",
            "3    | 3    | None | ''",
            "4    | 2    | None | ''",
            "-100 | 100  | 4    | 0 4",
            "100  | -100 | -4   | 6 2",
            "0    | 1    | 1000000000000000000000000000000  | 0",
            "6    | None | -1000000000000000000000000000000 | 6",
            "2    | -1   | None | 2 3 4 5",
            "None | None | 2    | 0 2 4 6",
            "None | None | -2   | 6 4 2 0",
            "-3   | -1   | None | 4 5",
            "-1   | -3   | -1   | 6 5",
            "-99999999999999999999 | 99999999999999999999 | None | 0 1 2 3 4 5 6" })
    void sliceSelectsWhatPythonSelects(BigInteger start, BigInteger stop, BigInteger step, String expected) {
        PyIndices.Slice slice = PyIndices.slice(start, stop, step, 7);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < slice.length(); i++) {
            indices.add(slice.index(i));
        }
        List<Integer> python = expected.isEmpty() ? List.of()
                : Arrays.stream(expected.split(" ")).map(Integer::valueOf).toList();
        assertThat(indices).isEqualTo(python);
        if (!python.isEmpty()) {
            assertThat(slice.lowest()).isEqualTo(python.stream().min(Integer::compare).orElseThrow());
            assertThat(slice.highest()).isEqualTo(python.stream().max(Integer::compare).orElseThrow());
        }
    }

    @Test
    void everySliceOfAnEmptySequenceIsEmpty() {
        assertThat(PyIndices.slice(null, null, null, 0).length()).isZero();
        assertThat(PyIndices.slice(BigInteger.valueOf(-1), null, BigInteger.valueOf(-1), 0).length()).isZero();
    }

    @Test
    void stepZeroIsAValueError() {
        assertThatThrownBy(() -> PyIndices.slice(null, null, BigInteger.ZERO, 7))
                .isInstanceOfSatisfying(RecordProblem.class, problem -> {
                    assertThat(problem.type().uri().toString()).endsWith(":value-error");
                    assertThat(problem.getMessage()).isEqualTo("slice step cannot be zero");
                });
    }

    @ParameterizedTest(name = "range(4)[{0}] is element {1}")
    @CsvSource({ "0, 0", "3, 3", "-1, 3", "-4, 0" })
    void negativeIndicesCountFromTheEnd(BigInteger index, int position) {
        assertThat(PyIndices.index(index, 4)).isEqualTo(position);
    }

    @ParameterizedTest
    @CsvSource({ "4", "-5", "2147483648", "-9223372036854775809", "100000000000000000000000000000" })
    void anIndexOutsideIsAnIndexError(BigInteger index) {
        assertThatThrownBy(() -> PyIndices.index(index, 4)).isInstanceOfSatisfying(RecordProblem.class, problem -> {
            assertThat(problem.type().uri().toString()).endsWith(":index-error");
            assertThat(problem.getMessage()).isEqualTo("invalid index " + index + " for an Array of length 4");
        });
    }

    @Test
    void indicesFromTheUrlAreDecimalIntegersOfAnySizeOrNone() {
        assertThat(PyIndices.parse("start", "-12")).isEqualTo(BigInteger.valueOf(-12));
        assertThat(PyIndices.parse("start", "+3")).isEqualTo(BigInteger.valueOf(3));
        assertThat(PyIndices.parse("stop", "123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(PyIndices.parse("step", "")).isNull();
        assertThat(PyIndices.parse("step", null)).isNull();
        for (String notAnInteger : List.of("x", "1.0", "0x10", "1e3", " 1", "--1")) {
            assertThatThrownBy(() -> PyIndices.parse("index", notAnInteger))
                    .isInstanceOfSatisfying(RecordProblem.class, problem -> {
                        assertThat(problem.type().uri().toString()).endsWith(":type-error");
                        assertThat(problem.getMessage()).isEqualTo("index must be an integer, not '" + notAnInteger
                                + "'");
                    });
        }
    }
}
