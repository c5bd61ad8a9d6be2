package io.mpensemble.pipes;

import java.nio.charset.StandardCharsets;

/**
 * One message in a pipe: a JSON value's text (sent with {@code send}) or raw bytes (sent with {@code send_bytes}).
 *
 * @param json whether it was sent with {@code send} (its payload is UTF-8 JSON text)
 * @param payload the message's bytes
 */
public record PipeMessage(boolean json, byte[] payload) {

    /** What a message costs in a buffer beyond its payload, so that a flood of empty messages is bounded too. */
    static final int OVERHEAD = 32;

    public static PipeMessage ofJson(String json) {
        return new PipeMessage(true, json.getBytes(StandardCharsets.UTF_8));
    }

    public static PipeMessage ofBytes(byte[] bytes) {
        return new PipeMessage(false, bytes);
    }

    /** The JSON text of a message sent with {@code send}. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    long cost() {
        return payload.length + OVERHEAD;
    }
}
