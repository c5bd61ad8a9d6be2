package io.mpensemble.support.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Why a JSON request body could not be read, in words a client can act on, and the field at fault written as a path
 * ({@code numbers[2]}).
 *
 * @param field the path of the field at fault, or {@code null} when the body as a whole is at fault
 * @param detail what is wrong
 */
public record JsonBodyError(String field, String detail) {

    public static JsonBodyError of(HttpMessageNotReadableException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return of(jackson);
            }
        }
        return new JsonBodyError(null, ex.getMessage() != null && ex.getMessage().startsWith("Required request body")
                ? "the request body is missing" : "the request body is not readable JSON");
    }

    static JsonBodyError of(JacksonException ex) {
        String field = path(ex);
        String at = field == null ? "" : field + ": ";
        if (ex instanceof StreamConstraintsException) {
            // Jackson names its own setting ("from `StreamReadConstraints...`"); the client needs the limit only.
            String limit = firstLine(ex.getOriginalMessage()).replaceAll(", from `[^`]*`", "");
            return new JsonBodyError(field, at + "exceeds a documented limit: " + limit);
        }
        if (ex instanceof StreamReadException) {
            var location = ex.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            return new JsonBodyError(field, "malformed JSON" + where + ": " + firstLine(ex.getOriginalMessage()));
        }
        if (ex instanceof PropertyBindingException unknown) {
            return new JsonBodyError(field, "unknown field '" + unknown.getPropertyName() + "'; known fields: "
                    + unknown.getKnownPropertyIds());
        }
        if (ex instanceof InvalidNullException) {
            return new JsonBodyError(field, at + "must not be null");
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new JsonBodyError(field, at + "must be " + describe(mismatch.getTargetType()));
        }
        return new JsonBodyError(field, at + firstLine(ex.getOriginalMessage()));
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == BigInteger.class || type == Long.class || type == long.class || type == Integer.class
                || type == int.class || type == Short.class || type == short.class || type == Byte.class
                || type == byte.class) {
            return "an integer (a JSON number without fraction or exponent)";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "of type " + type.getSimpleName();
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        // Jackson appends where in its source it was; the client has line and column already.
        for (String tail : new String[] { "\n", " (start marker at", " at [Source" }) {
            int at = text.indexOf(tail);
            text = at < 0 ? text : text.substring(0, at);
        }
        return text;
    }
}
