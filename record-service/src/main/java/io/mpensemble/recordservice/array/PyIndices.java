package io.mpensemble.recordservice.array;

import java.math.BigInteger;
import java.util.regex.Pattern;

import io.mpensemble.recordservice.RecordProblem;

/**
 * Python's indexing of a sequence of fixed length: a negative index counts from the end, and a slice's bounds are
 * clamped as {@code slice.indices(length)} clamps them. Indices may be any size, as Python's ints.
 */
final class PyIndices {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private PyIndices() {
    }

    /**
     * An index or slice bound as the URL gives it: decimal digits, any size; empty or absent is Python's {@code None}.
     * Anything else is Python's {@code TypeError: indices must be integers}.
     */
    static BigInteger parse(String name, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!INTEGER.matcher(text).matches()) {
            throw RecordProblem.typeError(name + " must be an integer, not '" + text + "'");
        }
        return new BigInteger(text);
    }

    /**
     * The elements a slice selects: {@code length} of them, at {@code start}, {@code start + step}, ...
     * ({@code step} is ±1 when there are fewer than two).
     */
    record Slice(int start, int step, int length) {

        int index(int i) {
            return start + i * step;
        }

        /** The smallest index selected (for a non-empty slice). */
        int lowest() {
            return step > 0 ? start : index(length - 1);
        }

        /** The largest index selected (for a non-empty slice). */
        int highest() {
            return step > 0 ? index(length - 1) : start;
        }
    }

    /** {@code index} as a position from 0, or Python's {@code IndexError: invalid index}. */
    static int index(BigInteger index, int length) {
        BigInteger position = index.signum() < 0 ? index.add(BigInteger.valueOf(length)) : index;
        if (position.signum() < 0 || position.compareTo(BigInteger.valueOf(length)) >= 0) {
            throw RecordProblem.indexError("invalid index " + index + " for an Array of length " + length);
        }
        return position.intValueExact();
    }

    /** {@code seq[start:stop:step]}, each bound {@code null} for Python's {@code None}. */
    static Slice slice(BigInteger start, BigInteger stop, BigInteger step, int length) {
        BigInteger by = step == null ? BigInteger.ONE : step;
        if (by.signum() == 0) {
            throw RecordProblem.valueError("slice step cannot be zero");
        }
        boolean backwards = by.signum() < 0;
        BigInteger size = BigInteger.valueOf(length);
        BigInteger lower = backwards ? BigInteger.ONE.negate() : BigInteger.ZERO;
        BigInteger upper = backwards ? size.subtract(BigInteger.ONE) : size;
        BigInteger from = start == null ? (backwards ? upper : lower) : clamp(start, size, lower, upper);
        BigInteger to = stop == null ? (backwards ? lower : upper) : clamp(stop, size, lower, upper);
        BigInteger span = backwards ? from.subtract(to) : to.subtract(from);
        int count = span.signum() <= 0 ? 0
                : span.subtract(BigInteger.ONE).divide(by.abs()).add(BigInteger.ONE).intValueExact();
        // Fewer than two elements: the step never moves, and may be too large for an int.
        int stepInt = count < 2 ? by.signum() : by.intValueExact();
        return new Slice(count == 0 ? 0 : from.intValueExact(), stepInt, count);
    }

    private static BigInteger clamp(BigInteger bound, BigInteger size, BigInteger lower, BigInteger upper) {
        BigInteger position = bound.signum() < 0 ? bound.add(size) : bound;
        return position.max(lower).min(upper);
    }
}
