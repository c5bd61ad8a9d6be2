package io.mpensemble.pipes;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The framing of the service-to-service pipe stream, the body of one long-lived chunked HTTP request: each frame is a
 * type byte, a 4-byte big-endian payload length and the payload. Compact and copy-free, so many small messages cost
 * a few bytes each, and a 64 KiB message is written straight through.
 */
final class PipeFrames {

    /** A message sent with {@code send}: its payload is UTF-8 JSON text. */
    static final int MESSAGE = 'J';

    /** A message sent with {@code send_bytes}. */
    static final int BYTES = 'B';

    /** The sending end was closed: no more frames; the receiving end reads EOF once its buffer is empty. */
    static final int CLOSE = 'C';

    /** Nothing to send for a while; keeps an idle stream from looking dead to the server's read timeout. */
    static final int PING = 'P';

    private PipeFrames() {
    }

    static void write(OutputStream out, int type, byte[] payload) throws IOException {
        int length = payload.length;
        out.write(new byte[] { (byte) type, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length });
        out.write(payload);
    }

    static void write(OutputStream out, PipeMessage message) throws IOException {
        write(out, message.json() ? MESSAGE : BYTES, message.payload());
    }
}
