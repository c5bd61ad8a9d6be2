package io.mpensemble.recordservice.sharedmemory;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.mpensemble.recordservice.RecordProblem;
import tools.jackson.databind.JsonNode;

/**
 * Python's {@code array}/{@code ctypes} typecodes with their C widths on Linux x86-64, and how a JSON value becomes an
 * element of one. Where Python silently truncates, this refuses: an element is stored exactly or not at all.
 *
 * <p>An element's bytes are its C value in big-endian order, except that the unsigned 64-bit typecodes store
 * {@code value - 2^63} (the top bit flipped), so Redis can add to them as signed 64-bit integers.
 */
public enum Typecode {

    SIGNED_CHAR('b', Kind.SIGNED, 1),
    UNSIGNED_CHAR('B', Kind.UNSIGNED, 1),
    SHORT('h', Kind.SIGNED, 2),
    UNSIGNED_SHORT('H', Kind.UNSIGNED, 2),
    INT('i', Kind.SIGNED, 4),
    UNSIGNED_INT('I', Kind.UNSIGNED, 4),
    LONG('l', Kind.SIGNED, 8),
    UNSIGNED_LONG('L', Kind.UNSIGNED, 8),
    LONG_LONG('q', Kind.SIGNED, 8),
    UNSIGNED_LONG_LONG('Q', Kind.UNSIGNED, 8),
    FLOAT('f', Kind.FLOAT, 4),
    DOUBLE('d', Kind.FLOAT, 8),
    CHAR('c', Kind.CHAR, 1);

    private enum Kind { SIGNED, UNSIGNED, FLOAT, CHAR }

    private static final String CODES = Stream.of(values()).map(Typecode::code).collect(Collectors.joining(" "));

    private static final int MAX_SHOWN = 40;

    private final char code;
    private final Kind kind;
    private final int size;
    private final BigInteger min;
    private final BigInteger max;

    Typecode(char code, Kind kind, int size) {
        this.code = code;
        this.kind = kind;
        this.size = size;
        int bits = size * 8;
        this.min = kind == Kind.SIGNED ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        this.max = kind == Kind.SIGNED ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    /** The typecode Python names {@code code}; an unknown one is a {@code TypeError}, as in Python. */
    public static Typecode of(String code) {
        for (Typecode typecode : values()) {
            if (typecode.code().equals(code)) {
                return typecode;
            }
        }
        throw RecordProblem.typeError("unknown typecode " + shown(code) + "; typecodes: " + CODES);
    }

    /** The one byte that names this typecode in Redis. */
    static Typecode ofByte(byte code) {
        return of(String.valueOf((char) code));
    }

    /** Python's one-character name: {@code "i"}. */
    public String code() {
        return String.valueOf(code);
    }

    /** Bytes per element: C's {@code sizeof}. */
    public int size() {
        return size;
    }

    public boolean isInteger() {
        return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
    }

    public boolean isFloat() {
        return kind == Kind.FLOAT;
    }

    /** Smallest value of an integer typecode. */
    public BigInteger min() {
        return min;
    }

    /** Largest value of an integer typecode. */
    public BigInteger max() {
        return max;
    }

    /** The typecode's range as an error message shows it: {@code 'i' (-2147483648..2147483647)}. */
    public String describeRange() {
        return switch (kind) {
            case SIGNED, UNSIGNED -> "'" + code + "' (" + min + ".." + max + ")";
            case FLOAT -> "'" + code + "' (finite, magnitude at most " + maxFloat() + ")";
            case CHAR -> "'c' (one character, code point 0..255)";
        };
    }

    /** Python's default value, {@code 0}, {@code 0.0} or {@code b'\x00'}, as element bytes. */
    public byte[] zero() {
        return switch (kind) {
            case SIGNED, UNSIGNED -> integer(BigInteger.ZERO);
            case FLOAT -> floating(0.0);
            case CHAR -> new byte[1];
        };
    }

    /**
     * The element bytes of a JSON value, converted as Python converts it on assignment (an int to {@code 'd'} becomes
     * a float; a float to {@code 'f'} is rounded to float32), or refused as {@code type-error} / {@code out-of-range}.
     *
     * @param field the request field the value came from, named in the error ({@code values[2]})
     */
    public byte[] encode(JsonNode value, String field) {
        return switch (kind) {
            case SIGNED, UNSIGNED -> integer(checkedInteger(value, field));
            case FLOAT -> floating(checkedFloat(value, field));
            case CHAR -> new byte[] { (byte) checkedChar(value, field) };
        };
    }

    /** The bytes of {@code values}, one element after the other; refused at the first value that does not fit. */
    public byte[] encodeAll(List<JsonNode> values, String field) {
        ByteBuffer buffer = ByteBuffer.allocate(values.size() * size);
        for (int i = 0; i < values.size(); i++) {
            buffer.put(encode(values.get(i), field + "[" + i + "]"));
        }
        return buffer.array();
    }

    /** {@code count} elements of Python's default value. */
    public byte[] zeros(int count) {
        byte[] zero = zero();
        byte[] bytes = new byte[count * size];
        for (int at = 0; at < bytes.length; at += size) {
            System.arraycopy(zero, 0, bytes, at, size);
        }
        return bytes;
    }

    /** The element at {@code offset} of {@code bytes}, as a response shows it: BigInteger, Double or String. */
    public Object decode(byte[] bytes, int offset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, size);
        return switch (this) {
            case SIGNED_CHAR -> BigInteger.valueOf(buffer.get());
            case UNSIGNED_CHAR -> BigInteger.valueOf(Byte.toUnsignedInt(buffer.get()));
            case SHORT -> BigInteger.valueOf(buffer.getShort());
            case UNSIGNED_SHORT -> BigInteger.valueOf(Short.toUnsignedInt(buffer.getShort()));
            case INT -> BigInteger.valueOf(buffer.getInt());
            case UNSIGNED_INT -> BigInteger.valueOf(Integer.toUnsignedLong(buffer.getInt()));
            case LONG, LONG_LONG -> BigInteger.valueOf(buffer.getLong());
            case UNSIGNED_LONG, UNSIGNED_LONG_LONG ->
                new BigInteger(Long.toUnsignedString(buffer.getLong() ^ Long.MIN_VALUE));
            case FLOAT -> (double) buffer.getFloat();
            case DOUBLE -> buffer.getDouble();
            case CHAR -> String.valueOf((char) Byte.toUnsignedInt(buffer.get()));
        };
    }

    /** Every element of {@code bytes}, which holds whole elements from {@code offset} on. */
    public List<Object> decodeAll(byte[] bytes, int offset) {
        List<Object> values = new ArrayList<>((bytes.length - offset) / size);
        for (int at = offset; at < bytes.length; at += size) {
            values.add(decode(bytes, at));
        }
        return values;
    }

    /**
     * A delta for {@code add} to an integer typecode: a JSON integer no larger than the typecode's whole range (a
     * larger one takes every value out of range).
     */
    public BigInteger integerDelta(JsonNode delta) {
        requireAddable();
        BigInteger value = integerOf(delta, "delta");
        if (value.abs().compareTo(max.subtract(min)) > 0) {
            throw RecordProblem.outOfRange("delta " + value + " takes any value outside typecode " + describeRange());
        }
        return value;
    }

    /** A delta for {@code add} to {@code 'f'} or {@code 'd'}: any JSON number a double can hold. */
    public double floatDelta(JsonNode delta) {
        requireAddable();
        double value = doubleOf(delta, "delta");
        if (Double.isInfinite(value)) {
            throw RecordProblem.outOfRange("delta " + shown(delta) + " is too large for a float");
        }
        return value;
    }

    private void requireAddable() {
        if (kind == Kind.CHAR) {
            throw RecordProblem.typeError("typecode 'c' holds a character: add needs a number typecode");
        }
    }

    private BigInteger checkedInteger(JsonNode value, String field) {
        BigInteger integer = integerOf(value, field);
        if (integer.compareTo(min) < 0 || integer.compareTo(max) > 0) {
            throw RecordProblem.outOfRange(field + " " + integer + " is outside typecode " + describeRange());
        }
        return integer;
    }

    private BigInteger integerOf(JsonNode value, String field) {
        if (value == null || !value.isIntegralNumber()) {
            throw RecordProblem.typeError(field + " must be an integer for typecode '" + code + "', not "
                    + shown(value));
        }
        return value.bigIntegerValue();
    }

    private double checkedFloat(JsonNode value, String field) {
        double number = doubleOf(value, field);
        boolean fits = this == FLOAT ? !Float.isInfinite((float) number) : !Double.isInfinite(number);
        if (!fits) {
            throw RecordProblem.outOfRange(field + " " + shown(value) + " is outside typecode " + describeRange());
        }
        return this == FLOAT ? (float) number : number;
    }

    private double doubleOf(JsonNode value, String field) {
        if (value == null || !value.isNumber()) {
            throw RecordProblem.typeError(field + " must be a number for typecode '" + code + "', not "
                    + shown(value));
        }
        // An int becomes a float as Python's float(int) does: correctly rounded, infinite when too large.
        return value.isIntegralNumber() ? value.bigIntegerValue().doubleValue() : value.doubleValue();
    }

    private int checkedChar(JsonNode value, String field) {
        String text = value == null || !value.isString() ? null : value.stringValue();
        if (text == null || text.codePointCount(0, text.length()) != 1) {
            throw RecordProblem.typeError(field + " must be a string of one character for typecode 'c', not "
                    + shown(value));
        }
        int codePoint = text.codePointAt(0);
        if (codePoint > 0xFF) {
            throw RecordProblem.outOfRange(field + " " + shown(value) + " is outside typecode " + describeRange());
        }
        return codePoint;
    }

    private byte[] integer(BigInteger value) {
        long bits = value.longValue();
        if (this == UNSIGNED_LONG || this == UNSIGNED_LONG_LONG) {
            bits ^= Long.MIN_VALUE;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        switch (size) {
            case 1 -> buffer.put((byte) bits);
            case 2 -> buffer.putShort((short) bits);
            case 4 -> buffer.putInt((int) bits);
            default -> buffer.putLong(bits);
        }
        return buffer.array();
    }

    private byte[] floating(double value) {
        ByteBuffer buffer = ByteBuffer.allocate(size);
        if (this == FLOAT) {
            buffer.putFloat((float) value);
        }
        else {
            buffer.putDouble(value);
        }
        return buffer.array();
    }

    private double maxFloat() {
        return this == FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE;
    }

    private static String shown(Object value) {
        String text = value == null ? "null" : value instanceof String s ? "'" + s + "'" : value.toString();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }
}
