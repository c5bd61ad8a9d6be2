package io.mpensemble.pipes;

/**
 * One pipe end as its host describes it.
 *
 * @param pipe the pipe's id
 * @param end 0 or 1
 * @param readable whether it receives (false for the write end of a one-way pipe)
 * @param writable whether it sends (false for the read end of a one-way pipe)
 * @param closed whether it was closed
 * @param buffered messages that arrived and wait to be received
 */
public record PipeEndView(String pipe, int end, boolean readable, boolean writable, boolean closed, int buffered) {

    public static PipeEndView of(PipeEnd end) {
        return new PipeEndView(end.id().pipe(), end.id().end(), end.readable(), end.writable(), end.closed(),
                end.buffered());
    }
}
