package io.mpensemble.pipes;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The inbound messages of one pipe end, bounded by bytes: whoever offers a message blocks while the buffer holds
 * {@code capacity} bytes (a message larger than the whole capacity is let in alone, into an empty buffer), so a
 * receiver that does not read holds its sender back instead of letting memory grow. The HTTP stream handler that fills
 * it reads the request body only as fast as this buffer drains, and TCP flow control carries the wait to the sender.
 *
 * <p>After the messages comes, at most once, how the stream ended: {@link Ending#EOF} (the other end closed) or
 * {@link Ending#BROKEN} (its process or the connection went away mid-stream). Messages that arrived before the end are
 * still received, as from an OS pipe.
 */
final class PipeBuffer {

    enum Ending { EOF, BROKEN }

    /** What became of an offered message. */
    enum Offer { ACCEPTED, CLOSED, TIMED_OUT }

    /** What a receive found: a message, how the stream ended, that the local end is closed, or nothing in time. */
    record Head(PipeMessage message, Ending ending, boolean closed) {

        static final Head TIMED_OUT = new Head(null, null, false);

        boolean timedOut() {
            return message == null && ending == null && !closed;
        }
    }

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<PipeMessage> messages = new ArrayDeque<>();
    private long bytes;
    private volatile Ending ending;
    private String why;
    private boolean closed;

    PipeBuffer(long capacity) {
        this.capacity = capacity;
    }

    /**
     * Appends a message, waiting while the buffer is full.
     *
     * @return false when the local end is closed (the message is dropped, as on an OS pipe whose reader is gone)
     */
    boolean offer(PipeMessage message) throws InterruptedException {
        return offer(message, null) == Offer.ACCEPTED;
    }

    /**
     * Appends a message, waiting at most {@code timeout} ({@code null}: for as long as it takes) while the buffer is
     * full; a message that times out is not appended.
     */
    Offer offer(PipeMessage message, Duration timeout) throws InterruptedException {
        long nanos = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (!closed && !messages.isEmpty() && bytes + message.cost() > capacity) {
                if (timeout == null) {
                    notFull.await();
                }
                else if (nanos <= 0) {
                    return Offer.TIMED_OUT;
                }
                else {
                    nanos = notFull.awaitNanos(nanos);
                }
            }
            if (closed) {
                return Offer.CLOSED;
            }
            messages.addLast(message);
            bytes += message.cost();
            notEmpty.signal();
            return Offer.ACCEPTED;
        }
        finally {
            lock.unlock();
        }
    }

    /** The stream ended; the first ending counts. @return whether this one counted */
    boolean end(Ending how, String reason) {
        lock.lock();
        try {
            if (ending != null || closed) {
                return false;
            }
            ending = how;
            why = reason;
            notEmpty.signalAll();
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    /** The local end closed: the messages are dropped, waiting senders and receivers are released. */
    void close() {
        lock.lock();
        try {
            closed = true;
            messages.clear();
            bytes = 0;
            notEmpty.signalAll();
            notFull.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Takes the first message, waiting up to {@code timeout} for one. {@code refuse} looks at it first: when it returns
     * an exception, that is thrown and the message stays first.
     */
    Head take(Duration timeout, Function<PipeMessage, RuntimeException> refuse) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (messages.isEmpty() && ending == null && !closed) {
                if (nanos <= 0) {
                    return Head.TIMED_OUT;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            if (closed) {
                return new Head(null, null, true);
            }
            if (messages.isEmpty()) {
                return new Head(null, ending, false);
            }
            RuntimeException refused = refuse.apply(messages.peekFirst());
            if (refused != null) {
                throw refused;
            }
            PipeMessage message = messages.pollFirst();
            bytes -= message.cost();
            notFull.signalAll();
            if (!messages.isEmpty()) {
                notEmpty.signal();
            }
            return new Head(message, null, false);
        }
        finally {
            lock.unlock();
        }
    }

    /** Whether a receive would not block: a message is there, or the stream has ended ({@code poll(timeout)}). */
    boolean poll(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lockInterruptibly();
        try {
            while (messages.isEmpty() && ending == null && !closed) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    /** Whether a message is waiting right now. */
    boolean hasMessage() {
        lock.lock();
        try {
            return !messages.isEmpty();
        }
        finally {
            lock.unlock();
        }
    }

    /** How the stream ended, if it has: read without the lock, on every send. */
    Ending ending() {
        return ending;
    }

    String why() {
        lock.lock();
        try {
            return why;
        }
        finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return messages.size();
        }
        finally {
            lock.unlock();
        }
    }

}
