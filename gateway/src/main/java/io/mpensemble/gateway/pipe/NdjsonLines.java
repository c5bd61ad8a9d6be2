package io.mpensemble.gateway.pipe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.support.problem.EnsembleProblem;

/**
 * The lines of an NDJSON body, each read into memory only up to the message size limit: a line longer than that is
 * refused once {@code maxBytes + 1} of its bytes have arrived, however long it goes on, and a line that is not UTF-8
 * is refused rather than decoded with replacement characters. Lines end with {@code \n}; a {@code \r} before it is
 * dropped.
 */
final class NdjsonLines {

    private final InputStream in;
    private final long maxBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int length;
    private long number;
    private long sentBefore;

    NdjsonLines(InputStream in, long maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The number of the line {@link #next} returned last, from 1. */
    long number() {
        return number;
    }

    /**
     * The next line, or null at the end of the body.
     *
     * @param sentBefore how many lines were sent, for the problem that refuses this one
     */
    String next(long sentBefore) throws IOException {
        this.sentBefore = sentBefore;
        length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                number++;
                return decode();
            }
            any = true;
            int newline = indexOf((byte) '\n');
            int end = newline < 0 ? limit : newline;
            append(end - position);
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                number++;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return decode();
            }
        }
    }

    /** Whether more of the body has arrived already, so reading on would not wait. */
    boolean ready() throws IOException {
        return position < limit || in.available() > 0;
    }

    private boolean fill() throws IOException {
        int read = in.read(chunk);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private int indexOf(byte b) {
        for (int i = position; i < limit; i++) {
            if (chunk[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private void append(int bytes) {
        if ((long) length + bytes > maxBytes) {
            throw PipeProblem.tooLong(where(number + 1), maxBytes);
        }
        if (length + bytes > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxBytes, Math.max((long) line.length * 2, length + bytes)));
        }
        System.arraycopy(chunk, position, line, length, bytes);
        length += bytes;
    }

    private String where(long line) {
        return "line " + line + " (" + sentBefore + " messages before it were sent)";
    }

    private String decode() {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, length))
                    .toString();
        }
        catch (CharacterCodingException ex) {
            throw EnsembleProblem.invalidField(where(number), "not valid UTF-8");
        }
    }
}
