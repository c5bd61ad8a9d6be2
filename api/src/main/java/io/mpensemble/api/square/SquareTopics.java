package io.mpensemble.api.square;

/** The square pipeline's task topic: the gateway puts a job's tasks; results go to each job's own result queue. */
public final class SquareTopics {

    /** One record per number to square, keyed by its index; square-workers share it as one consumer group. */
    public static final String TASKS = "mp.square.tasks";

    /** The consumer group the square-workers share. */
    public static final String WORKERS = "square-workers";

    private SquareTopics() {
    }
}
