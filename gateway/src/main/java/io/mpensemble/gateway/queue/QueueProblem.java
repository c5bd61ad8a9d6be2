package io.mpensemble.gateway.queue;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.mpensemble.contracts.problem.ProblemTypes;

/** A queue operation refused, as the Python exception it stands for; answered as an RFC 9457 problem. */
public class QueueProblem extends RuntimeException {

    /** {@code queue.Full}: the queue stayed full past the put's timeout. */
    public static final URI FULL = ProblemTypes.of("full");

    /** {@code queue.Empty}: nothing arrived within the get's timeout. */
    public static final URI EMPTY = ProblemTypes.of("empty");

    /** {@code ValueError: Queue ... is closed}. */
    public static final URI CLOSED = ProblemTypes.of("queue-closed");

    /** Python's {@code ValueError} ({@code task_done() called too many times}). */
    public static final URI VALUE_ERROR = ProblemTypes.of("value-error");

    /** No queue of this name. */
    public static final URI NOT_FOUND = ProblemTypes.of("not-found");

    /** A queue of this name exists already. */
    public static final URI EXISTS = ProblemTypes.of("queue-exists");

    /** {@code AttributeError}: task_done or join on a plain Queue, not a JoinableQueue. */
    public static final URI ATTRIBUTE_ERROR = ProblemTypes.of("attribute-error");

    private final HttpStatus status;
    private final URI type;
    private final String title;

    QueueProblem(HttpStatus status, URI type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static QueueProblem full(String name, long maxsize) {
        return new QueueProblem(HttpStatus.CONFLICT, FULL, "Full",
                "queue '" + name + "' stayed full (maxsize " + maxsize + ") past the timeout");
    }

    static QueueProblem empty(String name) {
        return new QueueProblem(HttpStatus.CONFLICT, EMPTY, "Empty",
                "queue '" + name + "' had no item within the timeout");
    }

    static QueueProblem closed(String name) {
        return new QueueProblem(HttpStatus.CONFLICT, CLOSED, "ValueError", "Queue '" + name + "' is closed");
    }

    static QueueProblem tooManyTaskDone(String name) {
        return new QueueProblem(HttpStatus.BAD_REQUEST, VALUE_ERROR, "ValueError",
                "task_done() called too many times on queue '" + name + "'");
    }

    static QueueProblem notJoinable(String name, String operation) {
        return new QueueProblem(HttpStatus.BAD_REQUEST, ATTRIBUTE_ERROR, "AttributeError",
                "queue '" + name + "' is a Queue, not a JoinableQueue: it has no " + operation + "()");
    }

    static QueueProblem notFound(String name) {
        return new QueueProblem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", "no queue named '" + name + "'");
    }

    static QueueProblem exists(String name) {
        return new QueueProblem(HttpStatus.CONFLICT, EXISTS, "Queue exists", "a queue named '" + name
                + "' exists already");
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
