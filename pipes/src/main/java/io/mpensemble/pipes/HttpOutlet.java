package io.mpensemble.pipes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The other end lives in another process: the messages go over ONE long-lived HTTP request to it, its body chunked and
 * written as the sends come, so many messages cost one request. A send blocks when TCP's window is full, which is the
 * case while the receiving process's buffer is full: that is the back-pressure.
 *
 * <p>The JDK's {@link HttpURLConnection} in chunked streaming mode, because it hands out the request body as an
 * {@link OutputStream} the sending threads write to and see every failure of at once; Spring's HTTP clients take a
 * body as a callback that would need a thread and a queue of its own per stream. One connection per stream,
 * {@code Connection: close}, so nothing lingers in a keep-alive cache and no timer thread is started.
 */
final class HttpOutlet implements Outlet {

    /** The HTTP chunk: the JDK's chunked stream gathers writes up to this size, a flush sends what it has. */
    static final int CHUNK = 256 * 1024;

    /** The longest close() waits for its close frame to be written and answered before it returns. */
    static final Duration CLOSE_WAIT = Duration.ofMillis(200);

    private final URI endUri;
    private final String streamKey;
    private final Duration connectTimeout;
    private final Duration idle;
    private final Duration linger;
    private final ReentrantLock lock = new ReentrantLock();
    /** Volatile: abort() and a close that lingered too long disconnect it without the lock a blocked write holds. */
    private volatile HttpURLConnection connection;
    private OutputStream out;
    private String broken;
    private boolean closed;
    private long lastWrite;

    /**
     * @param endUri the other end's address in its process, {@code <base>/internal/pipes/{pipe}/ends/{end}}
     * @param streamKey the pipe's key, sent with every request to the other end
     * @param idle how long the stream may be silent before a ping goes out
     * @param linger how long a close may wait in the background for the other end's process to take the close
     *        frame before the stream is dropped (its end then reads a broken pipe)
     */
    HttpOutlet(URI endUri, String streamKey, Duration connectTimeout, Duration idle, Duration linger) {
        this.endUri = endUri;
        this.streamKey = streamKey;
        this.connectTimeout = connectTimeout;
        this.idle = idle;
        this.linger = linger;
    }

    @Override
    public void send(PipeMessage message, boolean flush) throws PeerGone {
        lock.lock();
        try {
            open();
            PipeFrames.write(out, message);
            if (flush) {
                out.flush();
            }
            lastWrite = System.nanoTime();
        }
        catch (IOException ex) {
            throw fail("the stream to the other end's process broke: " + ex.getMessage());
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Writes the close frame and waits for the answer on a thread of its own, at most {@link #CLOSE_WAIT} here: like
     * Python's close(), it never blocks the caller on a receiver that does not read (a send stuck on TCP's full window
     * holds the lock, the close frame waits behind it). In the background it waits at most {@code linger}.
     */
    @Override
    public void close() {
        Thread closing = Thread.ofVirtual().name("pipe-close").start(this::closeStream);
        try {
            if (!closing.join(CLOSE_WAIT)) {
                CompletableFuture.delayedExecutor(linger.toMillis(), TimeUnit.MILLISECONDS, Thread::startVirtualThread)
                        .execute(() -> {
                            if (closing.isAlive()) {
                                disconnect();
                            }
                        });
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeStream() {
        lock.lock();
        try {
            if (broken != null || closed) {
                return;
            }
            try {
                open();
                PipeFrames.write(out, PipeFrames.CLOSE, new byte[0]);
                out.close();
                finish();
            }
            catch (IOException | PeerGone ex) {
                fail("closing: " + ex.getMessage());
            }
            closed = true;
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void abort() {
        if (!lock.tryLock()) {
            disconnect(); // a send or close is stuck writing: dropping the connection ends it, and the stream
            return;
        }
        try {
            if (connection != null && !closed) {
                fail("aborted");
            }
            closed = true;
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public boolean pingDue() {
        if (!lock.tryLock()) {
            return false; // a send is under way (or waiting on back-pressure): the stream is not idle
        }
        try {
            return idleStream();
        }
        finally {
            lock.unlock();
        }
    }

    private boolean idleStream() {
        return out != null && broken == null && !closed && System.nanoTime() - lastWrite >= idle.toNanos();
    }

    @Override
    public void ping() {
        if (!lock.tryLock()) {
            return; // a send is under way (or waiting on back-pressure): the stream is not idle
        }
        try {
            if (idleStream()) {
                PipeFrames.write(out, PipeFrames.PING, new byte[0]);
                out.flush();
                lastWrite = System.nanoTime();
            }
        }
        catch (IOException ex) {
            fail("the stream to the other end's process broke: " + ex.getMessage());
        }
        finally {
            lock.unlock();
        }
    }

    /** Whether this outlet has an open stream right now. */
    boolean streaming() {
        lock.lock();
        try {
            return out != null && broken == null && !closed;
        }
        finally {
            lock.unlock();
        }
    }

    private void disconnect() {
        HttpURLConnection open = connection;
        if (open != null) {
            open.disconnect();
        }
    }

    private void open() throws PeerGone, IOException {
        if (broken != null) {
            throw new PeerGone(broken);
        }
        if (closed) {
            throw new PeerGone("this end was closed");
        }
        if (out != null) {
            return;
        }
        check();
        HttpURLConnection stream = (HttpURLConnection) URI.create(endUri + "/stream").toURL().openConnection();
        stream.setRequestMethod("POST");
        stream.setDoOutput(true);
        stream.setUseCaches(false);
        stream.setChunkedStreamingMode(CHUNK);
        stream.setConnectTimeout((int) connectTimeout.toMillis());
        stream.setReadTimeout((int) Math.max(connectTimeout.toMillis(), 10_000));
        stream.setRequestProperty("Content-Type", "application/octet-stream");
        stream.setRequestProperty("Connection", "close");
        stream.setRequestProperty(Pipes.STREAM_KEY_HEADER, streamKey);
        try {
            out = stream.getOutputStream();
            connection = stream;
        }
        catch (IOException ex) {
            stream.disconnect();
            throw fail("the other end's process cannot be reached: " + ex.getMessage());
        }
    }

    /** Before a stream starts: is the other end there and open? One request per stream, not per message. */
    private void check() throws PeerGone {
        HttpURLConnection probe = null;
        try {
            probe = (HttpURLConnection) endUri.toURL().openConnection();
            probe.setConnectTimeout((int) connectTimeout.toMillis());
            probe.setReadTimeout((int) Math.max(connectTimeout.toMillis(), 10_000));
            probe.setRequestProperty("Connection", "close");
            probe.setRequestProperty("Accept", "application/json");
            probe.setRequestProperty(Pipes.STREAM_KEY_HEADER, streamKey);
            int status = probe.getResponseCode();
            drain(status < 400 ? probe.getInputStream() : probe.getErrorStream());
            if (status == 404) {
                throw fail("the other end is not hosted at " + endUri);
            }
            if (status == 409) {
                throw fail("the other end was closed");
            }
            if (status != 200) {
                throw fail("the other end's process answered " + status);
            }
        }
        catch (IOException ex) {
            throw fail("the other end's process cannot be reached: " + ex.getMessage());
        }
        finally {
            if (probe != null) {
                probe.disconnect();
            }
        }
    }

    private void finish() throws IOException {
        try {
            int status = connection.getResponseCode();
            drain(status < 400 ? connection.getInputStream() : connection.getErrorStream());
        }
        finally {
            connection.disconnect();
        }
    }

    private PeerGone fail(String why) {
        if (broken == null) {
            broken = why;
        }
        if (connection != null) {
            connection.disconnect();
        }
        out = null;
        return new PeerGone(broken);
    }

    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            try (in) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }
}
