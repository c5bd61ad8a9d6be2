package io.mpensemble.contracts.pipe;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.mpensemble.contracts.problem.ProblemTypes;

/**
 * A pipe operation refused, as the Python exception it stands for; answered as an RFC 9457 problem by every service's
 * advice. A refused operation changes nothing: a message too long for {@code maxlength}, or of the other kind, stays
 * first in the buffer.
 */
public class PipeProblem extends RuntimeException {

    /** No pipe end of this id here. */
    public static final URI NOT_FOUND = ProblemTypes.of("not-found");

    /** {@code EOFError}: the other end was closed and every message it sent has been received. */
    public static final URI EOF = ProblemTypes.of("eof");

    /**
     * {@code BrokenPipeError}: the other end's process (or the HTTP stream between) went away without closing the end:
     * a send cannot reach it, a recv has nothing more to wait for.
     */
    public static final URI BROKEN_PIPE = ProblemTypes.of("broken-pipe");

    /** {@code OSError: connection is read-only}: send on the read end of a one-way pipe. */
    public static final URI READ_ONLY = ProblemTypes.of("read-only");

    /** {@code OSError: connection is write-only}: recv on the write end of a one-way pipe. */
    public static final URI WRITE_ONLY = ProblemTypes.of("write-only");

    /** {@code OSError: handle is closed}: any operation on an end after its own close(). */
    public static final URI CLOSED = ProblemTypes.of("pipe-closed");

    /** {@code OSError: bad message length}: recv_bytes(maxlength) and the next message is longer. */
    public static final URI BAD_MESSAGE_LENGTH = ProblemTypes.of("bad-message-length");

    /** {@code UnpicklingError}: recv() and the next message was sent with send_bytes(). */
    public static final URI NOT_A_MESSAGE = ProblemTypes.of("unpickling-error");

    /**
     * Nothing arrived within the timeout (Python's recv() would block on), or a send found no room in the other end's
     * buffer within the longest wait.
     */
    public static final URI TIMEOUT = ProblemTypes.of("timeout");

    /** This end of this pipe is hosted here already. */
    public static final URI EXISTS = ProblemTypes.of("pipe-exists");

    /** A message above the documented size limit, or more pipe ends than this process hosts. */
    public static final URI LIMIT_EXCEEDED = ProblemTypes.of("limit-exceeded");

    private final HttpStatus status;
    private final URI type;
    private final String title;

    PipeProblem(HttpStatus status, URI type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static PipeProblem notFound(String pipe, int end) {
        return new PipeProblem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found",
                "no end " + end + " of pipe '" + pipe + "' here");
    }

    static PipeProblem notFoundForKey(String pipe, int end) {
        return new PipeProblem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "no end " + end + " of pipe '" + pipe
                + "' here that the " + Pipes.STREAM_KEY_HEADER + " header given opens");
    }

    public static PipeProblem notFound(String pipe) {
        return new PipeProblem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "no pipe '" + pipe + "' here");
    }

    static PipeProblem eof(PipeEndId id) {
        return new PipeProblem(HttpStatus.GONE, EOF, "EOFError", "end " + id.end() + " of pipe '" + id.pipe()
                + "': the other end was closed and every message it sent has been received");
    }

    static PipeProblem brokenPipe(PipeEndId id, String why) {
        return new PipeProblem(HttpStatus.CONFLICT, BROKEN_PIPE, "BrokenPipeError", "end " + id.end() + " of pipe '"
                + id.pipe() + "': " + why);
    }

    static PipeProblem readOnly(PipeEndId id) {
        return new PipeProblem(HttpStatus.BAD_REQUEST, READ_ONLY, "OSError", "connection is read-only: end "
                + id.end() + " of the one-way pipe '" + id.pipe() + "' only receives");
    }

    static PipeProblem writeOnly(PipeEndId id) {
        return new PipeProblem(HttpStatus.BAD_REQUEST, WRITE_ONLY, "OSError", "connection is write-only: end "
                + id.end() + " of the one-way pipe '" + id.pipe() + "' only sends");
    }

    static PipeProblem closed(PipeEndId id) {
        return new PipeProblem(HttpStatus.CONFLICT, CLOSED, "OSError", "handle is closed: end " + id.end()
                + " of pipe '" + id.pipe() + "' was closed");
    }

    static PipeProblem badMessageLength(PipeEndId id, int length, int maxlength) {
        return new PipeProblem(HttpStatus.BAD_REQUEST, BAD_MESSAGE_LENGTH, "OSError", "bad message length: the next "
                + "message on end " + id.end() + " of pipe '" + id.pipe() + "' has " + length
                + " bytes, more than maxlength " + maxlength + "; it stays, to be received with a larger maxlength");
    }

    static PipeProblem notAMessage(PipeEndId id) {
        return new PipeProblem(HttpStatus.CONFLICT, NOT_A_MESSAGE, "UnpicklingError", "the next message on end "
                + id.end() + " of pipe '" + id.pipe() + "' was sent with send_bytes: receive it with recv_bytes");
    }

    static PipeProblem timeout(PipeEndId id, java.time.Duration timeout) {
        return new PipeProblem(HttpStatus.CONFLICT, TIMEOUT, "Timeout", "no message on end " + id.end()
                + " of pipe '" + id.pipe() + "' within " + timeout.toMillis() / 1000.0 + " s");
    }

    static PipeProblem noRoom(PipeEndId id, String why) {
        return new PipeProblem(HttpStatus.CONFLICT, TIMEOUT, "Timeout", "end " + id.end() + " of pipe '" + id.pipe()
                + "': " + why);
    }

    /** The same problem, its detail saying where in a request it arose ({@code line 3}, say). */
    public PipeProblem at(String where) {
        return new PipeProblem(status, type, title, where + ": " + getMessage());
    }

    public static PipeProblem tooLong(String field, long bytes, long max) {
        return new PipeProblem(HttpStatus.BAD_REQUEST, LIMIT_EXCEEDED, "Limit exceeded", field + ": a message of "
                + bytes + " bytes is more than the " + max + " bytes a pipe message may have");
    }

    /** A message found too long before all of it was read (it is not read on). */
    public static PipeProblem tooLong(String field, long max) {
        return new PipeProblem(HttpStatus.BAD_REQUEST, LIMIT_EXCEEDED, "Limit exceeded", field + ": a message of "
                + "more than the " + max + " bytes a pipe message may have");
    }

    static PipeProblem exists(PipeEndId id) {
        return new PipeProblem(HttpStatus.CONFLICT, EXISTS, "Pipe end exists", "end " + id.end() + " of pipe '"
                + id.pipe() + "' is hosted here already");
    }

    static PipeProblem tooManyEnds(int max) {
        return new PipeProblem(HttpStatus.CONFLICT, LIMIT_EXCEEDED, "Limit exceeded", "this process hosts " + max
                + " pipe ends already, the most it may: close and delete some first");
    }

    public URI type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
