package io.mpensemble.recordservice.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a record-service script answered: {@code {'ok', ...}}, or {@code {'<refusal>', ...}} when it refused and changed
 * nothing (see {@code scripts/prelude.lua}). Texts arrive as bytes, numbers as longs, Lua's false as null.
 */
public record Reply(List<Object> values) {

    public String status() {
        return text(0);
    }

    public boolean ok() {
        return "ok".equals(status());
    }

    /** The element at {@code index} as UTF-8 text; null for Lua's false. */
    public String text(int index) {
        return text(values.get(index));
    }

    public byte[] bytes(int index) {
        return (byte[]) values.get(index);
    }

    public long number(int index) {
        return (Long) values.get(index);
    }

    /** A 1 or 0 the script answered for yes or no. */
    public boolean flag(int index) {
        return number(index) == 1;
    }

    /** The list of texts at {@code index}. */
    public List<String> texts(int index) {
        return ((List<?>) values.get(index)).stream().map(Reply::text).toList();
    }

    private static String text(Object value) {
        return value == null ? null : new String((byte[]) value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return values.stream().map(value -> value instanceof byte[] ? text(value) : String.valueOf(value)).toList()
                .toString();
    }
}
