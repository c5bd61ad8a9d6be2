package io.mpensemble.recordservice.list;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Python's {@code ==} on the values {@code json.loads} gives, as a text: two JSON values are equal exactly when their
 * keys are. Numbers compare by value ({@code 1 == 1.0}, {@code 10**20 == 1e20}, but a float is a double, so
 * {@code 2**53 + 1 != 9007199254740993.0}); {@code True == 1} and {@code False == 0}, as in Python; objects compare
 * regardless of key order. The key never holds a line break.
 */
final class JsonEquality {

    private JsonEquality() {
    }

    static String key(JsonNode value) {
        StringBuilder key = new StringBuilder();
        append(key, value);
        return key.toString();
    }

    private static void append(StringBuilder key, JsonNode value) {
        switch (value.getNodeType()) {
            case BOOLEAN -> key.append(value.booleanValue() ? '1' : '0');
            case NUMBER -> key.append(number(value));
            case ARRAY -> {
                key.append('[');
                for (int i = 0; i < value.size(); i++) {
                    key.append(i == 0 ? "" : ",");
                    append(key, value.get(i));
                }
                key.append(']');
            }
            case OBJECT -> {
                var sorted = new TreeMap<String, JsonNode>();
                value.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
                key.append('{');
                String separator = "";
                for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
                    key.append(separator).append(StringNode.valueOf(entry.getKey()));
                    key.append(':');
                    append(key, entry.getValue());
                    separator = ",";
                }
                key.append('}');
            }
            // strings as JSON strings ("\u0041" is "A"), and null
            default -> key.append(value);
        }
    }

    /** An integral number as its exact digits, whichever way it was written; any other float as its double. */
    private static String number(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        double d = value.doubleValue();
        if (Double.isFinite(d) && d == Math.rint(d)) {
            return new BigDecimal(d).toBigInteger().toString();
        }
        return Double.toString(d);
    }
}
