package io.mpensemble.gateway.pipe;

import java.util.List;

import io.mpensemble.pipes.PipeEndView;

/** The bodies of the pipe API. */
final class PipeRequests {

    private PipeRequests() {
    }

    /** {@code Pipe(duplex)}; absent: duplex. */
    record Create(Boolean duplex) {
    }

    /**
     * A pipe and its two ends.
     *
     * @param id the pipe's id
     * @param duplex whether both ends send and receive
     * @param ends end 0 and end 1, each with its URL
     */
    record Description(String id, boolean duplex, List<End> ends) {
    }

    record End(int end, String url, boolean readable, boolean writable, boolean closed, int buffered) {

        static End of(PipeEndView view, String url) {
            return new End(view.end(), url, view.readable(), view.writable(), view.closed(), view.buffered());
        }
    }

    record Sent(long sent) {
    }

    record Ready(boolean ready) {
    }
}
