package io.mpensemble.contracts.square;

/** The square pipeline's Kafka topics: the gateway puts a job's tasks, square-workers put their results. */
public final class SquareTopics {

    /** One record per number to square, keyed by its index; square-workers share it as one consumer group. */
    public static final String TASKS = "mp.square.tasks";

    /** One record per square, keyed by job, written in the same transaction that consumes its task. */
    public static final String RESULTS = "mp.square.results";

    /** The consumer group the square-workers share. */
    public static final String WORKERS = "square-workers";

    private SquareTopics() {
    }
}
