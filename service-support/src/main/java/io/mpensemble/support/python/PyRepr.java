package io.mpensemble.support.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * What CPython's {@code repr()} and {@code str()} print for the values the tutorial programs print, so every service
 * prints exactly what {@code print("{}".format(x))} prints in Python.
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

    /**
     * {@code repr(float)}: the shortest digits that read back as the same double, positional for decimal exponents
     * from -4 to 15 ({@code 4.0}, {@code 15.25}, {@code 0.0001}), scientific otherwise ({@code 1e+16}, {@code 1e-05}).
     */
    public static String of(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal decimal = shortest(Math.abs(value));
        String digits = decimal.unscaledValue().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = decimal.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /**
     * The decimal with the fewest digits that reads back as this double, the nearest one where several have as few
     * digits: what Python's repr() prints (David Gay's shortest mode). Java's own Double.toString differs at the edges
     * (4.9E-324 where Python prints 5e-324).
     */
    private static BigDecimal shortest(double positive) {
        BigDecimal exact = new BigDecimal(positive);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downFits = down.doubleValue() == positive;
            boolean upFits = up.doubleValue() == positive;
            if (downFits && upFits) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                return (cmp < 0 || (cmp == 0 && isEven(down)) ? down : up).stripTrailingZeros();
            }
            if (downFits || upFits) {
                return (downFits ? down : up).stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static boolean isEven(BigDecimal decimal) {
        return !decimal.unscaledValue().testBit(0);
    }

    /** {@code repr()} of a JSON value as Python's {@code json.loads} would give it. */
    public static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "None";
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isIntegralNumber()) {
            return of(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return of(node.doubleValue());
        }
        if (node.isString()) {
            return ofString(node.stringValue());
        }
        if (node.isArray()) {
            return node.valueStream().map(PyRepr::of).collect(Collectors.joining(", ", "[", "]"));
        }
        return node.properties().stream()
                .map((Map.Entry<String, JsonNode> e) -> ofString(e.getKey()) + ": " + of(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** {@code str()} of a JSON value: a string as itself, anything else as its {@code repr()}. */
    public static String str(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : of(node);
    }

    /**
     * {@code repr(str)}: single quotes unless the text holds a single quote and no double quote; what is not printable
     * escaped as Python escapes it: x and two hex digits below 0x100, u and four below 0x10000, U and eight above.
     */
    public static String ofString(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').appendCodePoint(c);
                    }
                    else if (printable(c)) {
                        out.appendCodePoint(c);
                    }
                    else if (c < 0x100) {
                        out.append(String.format("\\x%02x", c));
                    }
                    else if (c < 0x10000) {
                        out.append(String.format("\\u%04x", c));
                    }
                    else {
                        out.append(String.format("\\U%08x", c));
                    }
                }
            }
        });
        return out.append(quote).toString();
    }

    /**
     * Python's {@code str.isprintable()} for one character: not of the categories Cc, Cf, Cs, Co, Cn, Zl, Zp, nor Zs
     * but the ASCII space. The JVM's Unicode is newer than Python 3.11's (14.0): a character assigned since is
     * printable here and escaped (Cn) there.
     */
    private static boolean printable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            case Character.SPACE_SEPARATOR -> c == ' ';
            default -> true;
        };
    }
}
