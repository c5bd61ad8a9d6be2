package io.mpensemble.pipes;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.mpensemble.support.problem.EnsembleProblem;

/**
 * One end of a {@code multiprocessing.Pipe} hosted in this process, the {@code Connection} object: {@code send},
 * {@code recv}, {@code send_bytes}, {@code recv_bytes(maxlength)}, {@code poll(timeout)}, {@code close}.
 *
 * <p>What the other end sends arrives in this end's bounded {@link PipeBuffer}; what this end sends goes to the other
 * end through an {@link Outlet}: into its buffer when it lives in this process too, over an HTTP stream to its process
 * otherwise. Sends of one end are written in the order they were made, and a stream carries them in that order, so
 * the other end receives every message once, in order. A refused operation changes nothing.
 */
public final class PipeEnd {

    private final PipeEndId id;
    private final boolean readable;
    private final boolean writable;
    private final byte[] streamKey;
    private final PipeBuffer inbound;
    private final int maxMessageBytes;
    private final Duration maxTimeout;
    private final PipeMeters.EndMeters meters;
    private final Runnable onClose;
    private volatile Outlet outlet;
    private volatile boolean closed;
    /** Whether it expires when idle: an end of a pipe with both ends here. */
    private final boolean expires;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean pinging = new AtomicBoolean();
    private volatile long lastCall = System.nanoTime();

    PipeEnd(PipeEndId id, boolean readable, boolean writable, String streamKey, PipeProperties properties,
            PipeMeters.EndMeters meters, Runnable onClose) {
        this.id = id;
        this.readable = readable;
        this.writable = writable;
        this.streamKey = streamKey == null ? null : streamKey.getBytes(StandardCharsets.US_ASCII);
        this.expires = streamKey == null;
        this.inbound = new PipeBuffer(properties.bufferBytes());
        this.maxMessageBytes = properties.maxMessageBytes();
        this.maxTimeout = properties.maxTimeout();
        this.meters = meters;
        this.onClose = onClose;
    }

    void connect(Outlet outlet) {
        this.outlet = outlet;
    }

    public PipeEndId id() {
        return id;
    }

    public boolean readable() {
        return readable;
    }

    public boolean writable() {
        return writable;
    }

    public boolean closed() {
        return closed;
    }

    /** Whether the other end's process may reach this end with this key: only a hosted end has one. */
    boolean admits(String key) {
        return streamKey != null && key != null
                && MessageDigest.isEqual(streamKey, key.getBytes(StandardCharsets.US_ASCII));
    }

    /** How many messages wait to be received. */
    public int buffered() {
        return inbound.size();
    }

    /** Whether no call is under way on this end and none ended within {@code idle}. */
    boolean idleFor(Duration idle) {
        return calls.get() == 0 && System.nanoTime() - lastCall > idle.toNanos();
    }

    /** A call on this end begins: meanwhile, and for the idle timeout after it ends, the end is not idle. */
    private void begin() {
        if (expires) {
            calls.incrementAndGet();
        }
    }

    private void end() {
        if (expires) {
            lastCall = System.nanoTime();
            calls.decrementAndGet();
        }
    }

    /** {@code send(obj)}: a JSON value's text, sent and flushed. */
    public void send(String json) {
        send(PipeMessage.ofJson(json), true);
    }

    /** {@code send_bytes(buf)}, sent and flushed. */
    public void sendBytes(byte[] bytes) {
        send(PipeMessage.ofBytes(bytes), true);
    }

    /**
     * Sends one message; {@code flush=false} lets a stream gather many small messages into one write (a sender of many
     * flushes when its source has nothing more ready). Waits while the other end's buffer is full.
     */
    public void send(PipeMessage message, boolean flush) {
        begin();
        try {
            doSend(message, flush);
        }
        finally {
            end();
        }
    }

    private void doSend(PipeMessage message, boolean flush) {
        requireOpen();
        if (!writable) {
            throw PipeProblem.readOnly(id);
        }
        if (message.payload().length > maxMessageBytes) {
            throw PipeProblem.tooLong("message", message.payload().length, maxMessageBytes);
        }
        if (inbound.ending() == PipeBuffer.Ending.EOF) {
            // the other end's close came in: what is sent now would never be received (in Python: EPIPE)
            meters.broken(this);
            throw PipeProblem.brokenPipe(id, "the other end was closed");
        }
        try {
            outlet.send(message, flush);
        }
        catch (Outlet.PeerGone gone) {
            meters.broken(this);
            throw PipeProblem.brokenPipe(id, gone.getMessage());
        }
        catch (Outlet.Full full) {
            throw PipeProblem.noRoom(id, full.getMessage());
        }
        meters.sent(message);
    }

    /** {@code recv()}: the next message's JSON text, waiting up to {@code timeout} (at most the configured maximum). */
    public String recv(Duration timeout) {
        return receive(timeout, message -> message.json() ? null : PipeProblem.notAMessage(id)).text();
    }

    /** {@code recv_bytes()}: the next message's bytes, of any length. */
    public byte[] recvBytes(Duration timeout) {
        return recvMessage(timeout).payload();
    }

    /**
     * {@code recv_bytes(maxlength)}: the next message's bytes; a longer one is refused and stays (so with 0 only an
     * empty message passes), a negative {@code maxlength} is refused as Python's {@code ValueError} is.
     */
    public byte[] recvBytes(int maxlength, Duration timeout) {
        if (maxlength < 0) {
            throw EnsembleProblem.invalidField("maxlength", "negative maxlength " + maxlength);
        }
        return receive(timeout, message -> message.payload().length > maxlength
                ? PipeProblem.badMessageLength(id, message.payload().length, maxlength) : null).payload();
    }

    /** The next message, whichever way it was sent. */
    public PipeMessage recvMessage(Duration timeout) {
        return receive(timeout, message -> null);
    }

    private PipeMessage receive(Duration timeout, java.util.function.Function<PipeMessage, RuntimeException> refuse) {
        begin();
        try {
            return doReceive(timeout, refuse);
        }
        finally {
            end();
        }
    }

    private PipeMessage doReceive(Duration timeout,
            java.util.function.Function<PipeMessage, RuntimeException> refuse) {
        requireOpen();
        if (!readable) {
            throw PipeProblem.writeOnly(id);
        }
        Duration wait = timeout == null || timeout.compareTo(maxTimeout) > 0 ? maxTimeout : timeout;
        PipeBuffer.Head head;
        try {
            head = inbound.take(wait, refuse);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw PipeProblem.timeout(id, wait);
        }
        if (head.message() != null) {
            meters.received(head.message());
            return head.message();
        }
        if (head.closed()) {
            throw PipeProblem.closed(id);
        }
        if (head.ending() == PipeBuffer.Ending.EOF) {
            throw PipeProblem.eof(id);
        }
        if (head.ending() == PipeBuffer.Ending.BROKEN) {
            throw PipeProblem.brokenPipe(id, inbound.why());
        }
        throw PipeProblem.timeout(id, wait);
    }

    /** {@code poll(timeout)}: whether a recv would not wait (a message is there, or the other end is gone). */
    public boolean poll(Duration timeout) {
        begin();
        try {
            return doPoll(timeout);
        }
        finally {
            end();
        }
    }

    private boolean doPoll(Duration timeout) {
        requireOpen();
        if (!readable) {
            throw PipeProblem.writeOnly(id);
        }
        Duration wait = timeout == null ? Duration.ZERO : timeout.compareTo(maxTimeout) > 0 ? maxTimeout : timeout;
        try {
            return inbound.poll(wait);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether a message is there right now (a streaming receiver flushes when none is). */
    public boolean hasMessage() {
        return inbound.hasMessage();
    }

    /**
     * {@code close()}: the other end reads EOF once it has received what was sent before; this end refuses every
     * operation afterwards. Closing twice is harmless, as in Python.
     */
    public void close() {
        begin();
        try {
            doClose();
        }
        finally {
            end();
        }
    }

    private void doClose() {
        if (closed) {
            return;
        }
        closed = true;
        boolean peerClosed = inbound.ending() == PipeBuffer.Ending.EOF;
        inbound.close();
        Outlet out = outlet;
        if (out instanceof HttpOutlet http && peerClosed && !http.streaming()) {
            http.abort(); // the other end is closed already: no stream to open just to tell it
        }
        else if (out != null) {
            out.close();
        }
        onClose.run();
    }

    /** What a process that dies does to its end: the other end reads a broken pipe, not EOF. */
    void abort() {
        if (closed) {
            return;
        }
        closed = true;
        inbound.close();
        Outlet out = outlet;
        if (out != null) {
            out.abort();
        }
        onClose.run();
    }

    /**
     * Called on the process's one pinger thread, which must never wait: a ping that is due is written on a virtual
     * thread, at most one at a time, so a stream whose TCP window is full holds back its own ping only.
     */
    void ping() {
        Outlet out = outlet;
        if (out != null && !closed && out.pingDue() && pinging.compareAndSet(false, true)) {
            Thread.ofVirtual().name("pipe-ping").start(() -> {
                try {
                    out.ping();
                }
                finally {
                    pinging.set(false);
                }
            });
        }
    }

    /** A message from the other end: into the buffer, waiting while it is full. False when this end is closed. */
    boolean deliver(PipeMessage message) throws InterruptedException {
        return inbound.offer(message);
    }

    /** A message from the other end in this process, waiting at most {@code timeout} for room. */
    PipeBuffer.Offer deliver(PipeMessage message, Duration timeout) throws InterruptedException {
        return inbound.offer(message, timeout);
    }

    /** The other end's stream ended, cleanly (EOF) or not (broken). */
    void ended(PipeBuffer.Ending how, String why) {
        if (inbound.end(how, why)) {
            if (how == PipeBuffer.Ending.EOF) {
                meters.eof();
            }
            else {
                meters.broken(this);
            }
        }
    }

    /**
     * Reads one HTTP stream of frames from the other end's process into this end's buffer, only as fast as the buffer
     * drains. Returns when the other end closes (EOF), this end closes, or the stream breaks (a broken pipe).
     *
     * @return the messages it carried
     */
    public long receiveStream(InputStream body) {
        long messages = 0;
        // small: frame headers and small messages come from the buffer; a large message is read straight through
        DataInputStream in = new DataInputStream(new BufferedInputStream(body, 8192));
        try {
            while (true) {
                int type = in.read();
                if (type < 0) {
                    ended(PipeBuffer.Ending.BROKEN, "the stream from the other end's process ended without a close");
                    return messages;
                }
                int length = in.readInt();
                if (length < 0 || length > maxMessageBytes) {
                    ended(PipeBuffer.Ending.BROKEN, "the other end's process sent a frame of " + length + " bytes");
                    return messages;
                }
                byte[] payload = in.readNBytes(length);
                if (payload.length < length) {
                    throw new EOFException("the stream ended inside a message");
                }
                switch (type) {
                    case PipeFrames.MESSAGE, PipeFrames.BYTES -> {
                        if (!deliver(new PipeMessage(type == PipeFrames.MESSAGE, payload))) {
                            return messages; // this end was closed: what comes is dropped
                        }
                        messages++;
                    }
                    case PipeFrames.PING -> {
                        if (closed) {
                            return messages; // this end was closed while the stream was idle
                        }
                    }
                    case PipeFrames.CLOSE -> {
                        ended(PipeBuffer.Ending.EOF, null);
                        return messages;
                    }
                    default -> {
                        ended(PipeBuffer.Ending.BROKEN, "the other end's process sent an unknown frame " + type);
                        return messages;
                    }
                }
            }
        }
        catch (IOException ex) {
            ended(PipeBuffer.Ending.BROKEN, "the stream from the other end's process broke: " + ex.getMessage());
            return messages;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            ended(PipeBuffer.Ending.BROKEN, "this process is stopping");
            return messages;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw PipeProblem.closed(id);
        }
    }
}
