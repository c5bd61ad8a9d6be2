package io.mpensemble.support.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/**
 * Every RFC 9457 problem type the services answer with, each defined once: its stable {@code type}
 * ({@code urn:mp-ensemble:problem:<slug>}), its usual status and its title. Where a problem stands for a Python
 * exception, the title says which.
 */
public enum ProblemType {

    /** The body is not JSON, or not of the documented shape: a field has the wrong type, is unknown, or is null. */
    INVALID_BODY("invalid-body", HttpStatus.BAD_REQUEST, "Invalid request body"),

    /** A field is of the right type but breaks a documented rule or limit. */
    INVALID_FIELD("invalid-field", HttpStatus.BAD_REQUEST, "Invalid field"),

    /** Anything else the client asked wrongly: unknown path, method, media type, parameter. */
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),

    /** No object, queue, pipe end or job of this id (never made, deleted, or its session closed or expired). */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),

    /** A documented limit (objects, elements, bytes, pipe ends) would be exceeded. */
    LIMIT_EXCEEDED("limit-exceeded", HttpStatus.BAD_REQUEST, "Limit exceeded"),

    /** The operation cannot happen in the object's present state (a job's results before it is done). */
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),

    /** A service or broker this one needs did not answer; the client may retry. */
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),

    /** A fault of the service itself, never of the client's input. */
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),

    /** Python's {@code TypeError}: a value of the wrong type, or an unknown typecode. */
    TYPE_ERROR("type-error", HttpStatus.BAD_REQUEST, "TypeError"),

    /** Where Python silently truncates a value to its C type, the ensemble refuses it. */
    OUT_OF_RANGE("out-of-range", HttpStatus.BAD_REQUEST, "Value out of range"),

    /** Python's {@code IndexError}. */
    INDEX_ERROR("index-error", HttpStatus.BAD_REQUEST, "IndexError"),

    /** Python's {@code ValueError} ({@code list.remove(x)}: x not in list, {@code task_done() called too many times}). */
    VALUE_ERROR("value-error", HttpStatus.BAD_REQUEST, "ValueError"),

    /** Python's {@code KeyError}. */
    KEY_ERROR("key-error", HttpStatus.NOT_FOUND, "KeyError"),

    /** Python's {@code AttributeError}: task_done or join on a plain Queue, not a JoinableQueue. */
    ATTRIBUTE_ERROR("attribute-error", HttpStatus.BAD_REQUEST, "AttributeError"),

    /** The lock was not acquired within the timeout ({@code acquire(timeout=...)} returned False). */
    LOCK_TIMEOUT("lock-timeout", HttpStatus.CONFLICT, "Lock not acquired"),

    /** The token does not hold the lock (never did, released, or its lease expired). */
    LOCK_NOT_HELD("lock-not-held", HttpStatus.CONFLICT, "Lock not held"),

    /** {@code queue.Full}: the queue stayed full past the put's timeout. */
    FULL("full", HttpStatus.CONFLICT, "Full"),

    /** {@code queue.Empty}: nothing arrived within the get's timeout. */
    EMPTY("empty", HttpStatus.CONFLICT, "Empty"),

    /** {@code ValueError: Queue ... is closed}. */
    QUEUE_CLOSED("queue-closed", HttpStatus.CONFLICT, "ValueError"),

    /** A queue of this name exists already. */
    QUEUE_EXISTS("queue-exists", HttpStatus.CONFLICT, "Queue exists"),

    /** {@code EOFError}: the other end was closed and every message it sent has been received. */
    EOF("eof", HttpStatus.GONE, "EOFError"),

    /**
     * {@code BrokenPipeError}: the other end's process (or the HTTP stream between) went away without closing the end:
     * a send cannot reach it, a recv has nothing more to wait for.
     */
    BROKEN_PIPE("broken-pipe", HttpStatus.CONFLICT, "BrokenPipeError"),

    /** {@code OSError: connection is read-only}: send on the read end of a one-way pipe. */
    READ_ONLY("read-only", HttpStatus.BAD_REQUEST, "OSError"),

    /** {@code OSError: connection is write-only}: recv on the write end of a one-way pipe. */
    WRITE_ONLY("write-only", HttpStatus.BAD_REQUEST, "OSError"),

    /** {@code OSError: handle is closed}: any operation on an end after its own close(). */
    PIPE_CLOSED("pipe-closed", HttpStatus.CONFLICT, "OSError"),

    /** {@code OSError: bad message length}: recv_bytes(maxlength) and the next message is longer. */
    BAD_MESSAGE_LENGTH("bad-message-length", HttpStatus.BAD_REQUEST, "OSError"),

    /** {@code UnpicklingError}: recv() and the next message was sent with send_bytes(). */
    UNPICKLING_ERROR("unpickling-error", HttpStatus.CONFLICT, "UnpicklingError"),

    /**
     * Nothing arrived within the timeout (Python's recv() would block on), or a send found no room in the other end's
     * buffer within the longest wait.
     */
    TIMEOUT("timeout", HttpStatus.CONFLICT, "Timeout"),

    /** This end of this pipe is hosted here already. */
    PIPE_EXISTS("pipe-exists", HttpStatus.CONFLICT, "Pipe end exists");

    private static final String PREFIX = "urn:mp-ensemble:problem:";

    private static final Map<URI, ProblemType> BY_URI = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemType::uri, Function.identity()));

    private final URI uri;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.uri = URI.create(PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type as problem documents name it: {@code urn:mp-ensemble:problem:<slug>}. */
    @Override
    public String toString() {
        return uri.toString();
    }

    /** The problem of this type with its usual status. */
    public EnsembleProblem problem(String detail) {
        return new EnsembleProblem(this, status, detail, null);
    }

    /** The problem of this type with another status than its usual one. */
    public EnsembleProblem problem(HttpStatus status, String detail) {
        return new EnsembleProblem(this, status, detail, null);
    }

    /** The type a problem document names, if it is one of ours. */
    public static Optional<ProblemType> of(URI uri) {
        return Optional.ofNullable(uri == null ? null : BY_URI.get(uri));
    }
}
