package io.mpensemble.api.square;

import java.math.BigInteger;

/**
 * One number of a square job.
 *
 * @param jobId the job it belongs to
 * @param index its place in the job's input
 * @param number the integer to square, of any size
 * @param resultTopic the Kafka topic of the job's result queue, where the square goes
 */
public record SquareTask(String jobId, int index, BigInteger number, String resultTopic) {
}
