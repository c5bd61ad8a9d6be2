package io.mpensemble.gateway.queue;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** The bodies and answers of the queue API. */
final class QueueRequests {

    private QueueRequests() {
    }

    /**
     * {@code Queue(maxsize)} or {@code JoinableQueue(maxsize)}.
     *
     * @param name the queue's name; a fresh one when absent
     * @param maxsize at most this many items; absent, 0 or less: unbounded
     * @param joinable a {@code JoinableQueue}, with {@code task_done} and {@code join}
     */
    record Create(String name, Long maxsize, Boolean joinable) {
    }

    /**
     * {@code put(obj, block, timeout)}, or a batch of puts in one request.
     *
     * @param item one item, any JSON value ({@code null} too); exactly one of {@code item} and {@code items}
     * @param items several items, put in this order, all or none
     * @param block wait for room in a full bounded queue (default {@code true})
     * @param timeout how long to wait, in seconds; absent: the configured maximum
     * @param producer items with one producer name keep their order; absent: the queue's one default producer
     */
    record Put(JsonNode item, List<JsonNode> items, Boolean block, Double timeout, String producer) {
    }

    record PutAnswer(int put) {
    }

    record Item(JsonNode item) {
    }

    record Description(String name, long maxsize, boolean joinable, boolean closed, long qsize) {
    }

    record Size(long qsize) {
    }

    record Empty(boolean empty) {
    }

    record Full(boolean full) {
    }

    record Joined(boolean joined, long unfinishedTasks) {
    }
}
