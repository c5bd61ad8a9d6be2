package io.mpensemble.gateway.queue;

/**
 * What a queue is, as its state topic's last record says: the same for every gateway replica.
 *
 * @param maxsize Python's {@code maxsize}: at most this many items; 0 or less means unbounded
 * @param joinable a {@code JoinableQueue} (has {@code task_done} and {@code join})
 * @param closed {@code close()} was called: puts and gets are refused from then on
 * @param keepTaken items getters took stay in Kafka until the queue is deleted, for a reader of its own (a square
 *        job's result reader); otherwise they are deleted once every getter is done with them
 */
public record QueueState(long maxsize, boolean joinable, boolean closed, boolean keepTaken) {

    QueueState close() {
        return new QueueState(maxsize, joinable, true, keepTaken);
    }

    boolean bounded() {
        return maxsize > 0;
    }
}
