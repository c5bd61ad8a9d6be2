package io.mpensemble.gateway.job;

/**
 * What a client sees of a square job.
 *
 * @param id the job
 * @param submitted how many numbers it squares
 * @param processed how many distinct squares have arrived (committed by a square-worker)
 * @param duplicates squares that arrived a second time for the same number: zero with exactly-once processing
 * @param done every square has arrived
 */
public record SquareJobView(String id, int submitted, int processed, int duplicates, boolean done) {
}
