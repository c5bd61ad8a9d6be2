package io.mpensemble.pipes;

/** Where the messages an end sends go: straight into the other end's buffer, or onto an HTTP stream to its process. */
interface Outlet {

    /** Sends one message, waiting while the other end's buffer is full; flushes when {@code flush}. */
    void send(PipeMessage message, boolean flush) throws PeerGone, Full;

    /** Tells the other end no more messages come (it reads EOF after the last), and releases the stream. */
    void close();

    /** Drops the stream without a close frame: the other end reads a broken pipe (what a dying process does). */
    void abort();

    /** Whether an open stream has been idle long enough for a ping; never waits. */
    default boolean pingDue() {
        return false;
    }

    /** Keeps an open, idle stream alive; may wait on a full TCP window, so it runs on a thread of its own. */
    default void ping() {
    }

    /** The other end's buffer had no room for the message in time; nothing of it was sent. */
    final class Full extends Exception {

        Full(String why) {
            super(why);
        }
    }

    /** The other end cannot be reached any more. */
    final class PeerGone extends Exception {

        PeerGone(String why) {
            super(why);
        }
    }
}
