package io.mpensemble.contracts.python;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Python's {@code repr} of the values the tutorial programs print, so every service prints exactly what
 * {@code print("{}".format(x))} prints in CPython.
 */
public final class PyRepr {

    private PyRepr() {
    }

    /** {@code repr(int)}: exact decimal digits, however large. */
    public static String of(BigInteger value) {
        return value.toString();
    }

    /** {@code repr(list)} of ints: {@code [1, 4, 9, 16]}, {@code []} when empty. */
    public static String ofInts(List<BigInteger> values) {
        return values.stream().map(PyRepr::of).collect(Collectors.joining(", ", "[", "]"));
    }
}
