package io.mpensemble.contracts.pipe;

/** Both ends hosted in this process: a send goes straight into the other end's bounded buffer. */
final class LocalOutlet implements Outlet {

    private final PipeEnd peer;

    LocalOutlet(PipeEnd peer) {
        this.peer = peer;
    }

    @Override
    public void send(PipeMessage message, boolean flush) throws PeerGone {
        try {
            if (!peer.deliver(message)) {
                throw new PeerGone("the other end was closed");
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
