package io.mpensemble.recordservice.manager;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.mpensemble.recordservice.RecordProblem;

/**
 * The JSON text a list element, dict value or dict key is kept as in Redis, and the checks it passes first: it must
 * be storable as UTF-8 text, hold no number beyond a float's range, and fit the documented size.
 */
@Component
public class JsonText {

    private final JsonMapper mapper;
    private final ObjectWriter writer;
    private final long maxBytes;

    JsonText(JsonMapper mapper, ManagerProperties limits) {
        this.mapper = mapper;
        // Compact whatever the service's settings say: a stored text never holds a raw line break.
        this.writer = mapper.writer().without(SerializationFeature.INDENT_OUTPUT);
        this.maxBytes = limits.maxValueSize().toBytes();
    }

    /** The JSON text of {@code value}; {@code field} names it in a refusal ({@code values[2]}). */
    public String write(JsonNode value, String field) {
        check(value, field);
        String text = writer.writeValueAsString(value);
        requireSize(text, field);
        return text;
    }

    /** Checks a dict key, kept as itself. */
    public String key(String key, String field) {
        requireUnicode(key, field);
        requireSize(key, field);
        return key;
    }

    public JsonNode read(String text) {
        return mapper.readTree(text);
    }

    private void requireSize(String text, String field) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw RecordProblem.limitExceeded(field + " is " + bytes + " bytes, more than the limit of "
                    + maxBytes + " (" + ManagerProperties.setting("max-value-size") + ")");
        }
    }

    private static void check(JsonNode node, String field) {
        switch (node.getNodeType()) {
            case NUMBER -> {
                if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                    throw RecordProblem.outOfRange(field + ": a number beyond a float's range (Python would read "
                            + "it as inf); the largest is 1.7976931348623157e+308");
                }
            }
            case STRING -> requireUnicode(node.stringValue(), field);
            case ARRAY -> {
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), field + "[" + i + "]");
                }
            }
            case OBJECT -> {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    requireUnicode(entry.getKey(), field);
                    check(entry.getValue(), field + "." + entry.getKey());
                }
            }
            default -> {
            }
        }
    }

    /** JSON may escape a lone surrogate ("\ud800"), which UTF-8 cannot hold: Python's UnicodeEncodeError. */
    private static void requireUnicode(String text, String field) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                throw RecordProblem.valueError(field + ": a lone surrogate (U+" + String.format("%04X", (int) c)
                        + ") cannot be stored as UTF-8 text");
            }
        }
    }
}
