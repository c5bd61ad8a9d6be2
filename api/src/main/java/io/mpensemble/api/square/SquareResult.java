package io.mpensemble.api.square;

import java.math.BigInteger;

/**
 * The square of one task, exact: an item of the job's result queue.
 *
 * @param jobId the job it belongs to
 * @param index the task's place in the job's input
 * @param square {@code number * number}
 */
public record SquareResult(String jobId, int index, BigInteger square) {
}
