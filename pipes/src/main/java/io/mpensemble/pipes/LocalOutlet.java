package io.mpensemble.pipes;

import java.time.Duration;

/** Both ends hosted in this process: a send goes straight into the other end's bounded buffer. */
final class LocalOutlet implements Outlet {

    private final PipeEnd peer;
    private final Duration maxWait;

    /** @param maxWait the longest a send waits for room in the other end's buffer */
    LocalOutlet(PipeEnd peer, Duration maxWait) {
        this.peer = peer;
        this.maxWait = maxWait;
    }

    @Override
    public void send(PipeMessage message, boolean flush) throws PeerGone, Full {
        try {
            switch (peer.deliver(message, maxWait)) {
                case CLOSED -> throw new PeerGone("the other end was closed");
                case TIMED_OUT -> throw new Full("the other end's buffer had no room for the message within "
                        + maxWait.toMillis() / 1000.0 + " s; nothing of it was sent");
                case ACCEPTED -> {
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PeerGone("interrupted while the other end's buffer was full");
        }
    }

    @Override
    public void close() {
        peer.ended(PipeBuffer.Ending.EOF, null);
    }

    @Override
    public void abort() {
        peer.ended(PipeBuffer.Ending.BROKEN, "the other end went away without closing");
    }
}
