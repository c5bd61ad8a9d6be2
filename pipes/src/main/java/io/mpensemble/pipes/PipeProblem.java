package io.mpensemble.pipes;

import org.springframework.http.HttpStatus;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.support.problem.ProblemType;

/**
 * A pipe operation refused, as the Python exception it stands for; answered as an RFC 9457 problem by every service's
 * advice. A refused operation changes nothing: a message too long for {@code maxlength}, or of the other kind, stays
 * first in the buffer.
 */
public class PipeProblem extends EnsembleProblem {

    PipeProblem(ProblemType type, String detail) {
        super(type, type.status(), detail, null);
    }

    PipeProblem(ProblemType type, HttpStatus status, String detail) {
        super(type, status, detail, null);
    }

    public static PipeProblem notFound(String pipe, int end) {
        return new PipeProblem(ProblemType.NOT_FOUND, "no end " + end + " of pipe '" + pipe + "' here");
    }

    static PipeProblem notFoundForKey(String pipe, int end) {
        return new PipeProblem(ProblemType.NOT_FOUND, "no end " + end + " of pipe '" + pipe
                + "' here that the " + Pipes.STREAM_KEY_HEADER + " header given opens");
    }

    public static PipeProblem notFound(String pipe) {
        return new PipeProblem(ProblemType.NOT_FOUND, "no pipe '" + pipe + "' here");
    }

    static PipeProblem eof(PipeEndId id) {
        return new PipeProblem(ProblemType.EOF, "end " + id.end() + " of pipe '" + id.pipe()
                + "': the other end was closed and every message it sent has been received");
    }

    static PipeProblem brokenPipe(PipeEndId id, String why) {
        return new PipeProblem(ProblemType.BROKEN_PIPE, "end " + id.end() + " of pipe '"
                + id.pipe() + "': " + why);
    }

    static PipeProblem readOnly(PipeEndId id) {
        return new PipeProblem(ProblemType.READ_ONLY, "connection is read-only: end "
                + id.end() + " of the one-way pipe '" + id.pipe() + "' only receives");
    }

    static PipeProblem writeOnly(PipeEndId id) {
        return new PipeProblem(ProblemType.WRITE_ONLY, "connection is write-only: end "
                + id.end() + " of the one-way pipe '" + id.pipe() + "' only sends");
    }

    static PipeProblem closed(PipeEndId id) {
        return new PipeProblem(ProblemType.PIPE_CLOSED, "handle is closed: end " + id.end()
                + " of pipe '" + id.pipe() + "' was closed");
    }

    static PipeProblem badMessageLength(PipeEndId id, int length, int maxlength) {
        return new PipeProblem(ProblemType.BAD_MESSAGE_LENGTH, "bad message length: the next "
                + "message on end " + id.end() + " of pipe '" + id.pipe() + "' has " + length
                + " bytes, more than maxlength " + maxlength + "; it stays, to be received with a larger maxlength");
    }

    static PipeProblem notAMessage(PipeEndId id) {
        return new PipeProblem(ProblemType.UNPICKLING_ERROR, "the next message on end "
                + id.end() + " of pipe '" + id.pipe() + "' was sent with send_bytes: receive it with recv_bytes");
    }

    static PipeProblem timeout(PipeEndId id, java.time.Duration timeout) {
        return new PipeProblem(ProblemType.TIMEOUT, "no message on end " + id.end()
                + " of pipe '" + id.pipe() + "' within " + timeout.toMillis() / 1000.0 + " s");
    }

    static PipeProblem noRoom(PipeEndId id, String why) {
        return new PipeProblem(ProblemType.TIMEOUT, "end " + id.end() + " of pipe '" + id.pipe()
                + "': " + why);
    }

    public static PipeProblem tooLong(String field, long bytes, long max) {
        return new PipeProblem(ProblemType.LIMIT_EXCEEDED, field + ": a message of "
                + bytes + " bytes is more than the " + max + " bytes a pipe message may have");
    }

    /** A message found too long before all of it was read (it is not read on). */
    public static PipeProblem tooLong(String field, long max) {
        return new PipeProblem(ProblemType.LIMIT_EXCEEDED, field + ": a message of "
                + "more than the " + max + " bytes a pipe message may have");
    }

    static PipeProblem exists(PipeEndId id) {
        return new PipeProblem(ProblemType.PIPE_EXISTS, "end " + id.end() + " of pipe '"
                + id.pipe() + "' is hosted here already");
    }

    static PipeProblem tooManyEnds(int max) {
        return new PipeProblem(ProblemType.LIMIT_EXCEEDED, HttpStatus.CONFLICT, "this process hosts " + max
                + " pipe ends already, the most it may: close and delete some first");
    }
}
