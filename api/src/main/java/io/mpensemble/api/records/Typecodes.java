package io.mpensemble.api.records;

/**
 * The typecodes of record-service's {@code Value} and {@code Array} on the wire ({@code "typecode": "i"}): Python's
 * {@code array}/{@code ctypes} one-letter codes. record-service's {@code Typecode} holds each one's width and range.
 */
public final class Typecodes {

    /** The typecodes whose values are numbers, so can be squared and summed: every one but {@link #CHAR}. */
    public static final String NUMERIC = "bBhHiIlLqQfd";

    /** {@code 'c'}: one byte, a one-character string on the wire; bytes cannot be multiplied. */
    public static final String CHAR = "c";

    private Typecodes() {
    }
}
