package io.mpensemble.gateway.queue;

import org.springframework.http.HttpStatus;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.support.problem.ProblemType;

/** A queue operation refused, as the Python exception it stands for; answered as an RFC 9457 problem. */
public class QueueProblem extends EnsembleProblem {

    QueueProblem(ProblemType type, String detail) {
        super(type, type.status(), detail, null);
    }

    QueueProblem(ProblemType type, HttpStatus status, String detail) {
        super(type, status, detail, null);
    }

    static QueueProblem full(String name, long maxsize) {
        return new QueueProblem(ProblemType.FULL,
                "queue '" + name + "' stayed full (maxsize " + maxsize + ") past the timeout");
    }

    static QueueProblem empty(String name) {
        return new QueueProblem(ProblemType.EMPTY, "queue '" + name + "' had no item within the timeout");
    }

    static QueueProblem closed(String name) {
        return new QueueProblem(ProblemType.QUEUE_CLOSED, "Queue '" + name + "' is closed");
    }

    static QueueProblem tooManyTaskDone(String name) {
        return new QueueProblem(ProblemType.VALUE_ERROR,
                "task_done() called too many times on queue '" + name + "'");
    }

    static QueueProblem notJoinable(String name, String operation) {
        return new QueueProblem(ProblemType.ATTRIBUTE_ERROR,
                "queue '" + name + "' is a Queue, not a JoinableQueue: it has no " + operation + "()");
    }

    static QueueProblem notFound(String name) {
        return new QueueProblem(ProblemType.NOT_FOUND, "no queue named '" + name + "'");
    }

    static QueueProblem exists(String name) {
        return new QueueProblem(ProblemType.QUEUE_EXISTS, "a queue named '" + name + "' exists already");
    }
}
