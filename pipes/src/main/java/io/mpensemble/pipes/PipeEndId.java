package io.mpensemble.pipes;

/**
 * One end of a pipe: the pipe's id and the end's index, 0 or 1 ({@code Pipe()} returns them in that order; for a
 * one-way pipe 0 is the read end and 1 the write end, as in Python).
 */
public record PipeEndId(String pipe, int end) {

    public PipeEndId {
        if (end != 0 && end != 1) {
            throw new IllegalArgumentException("a pipe end is 0 or 1, not " + end);
        }
    }

    /** The other end of the same pipe. */
    public PipeEndId peer() {
        return new PipeEndId(pipe, 1 - end);
    }

    @Override
    public String toString() {
        return pipe + "/" + end;
    }
}
