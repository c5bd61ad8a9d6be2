package io.mpensemble.gateway.job;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One square job's progress: each result lands in its input's place; a second result for a place is counted. */
final class SquareJob {

    private final String id;
    private final BigInteger[] results;
    private final AtomicInteger processed = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();

    SquareJob(String id, int size) {
        this.id = id;
        this.results = new BigInteger[size];
    }

    String id() {
        return id;
    }

    synchronized void accept(int index, BigInteger square) {
        if (index < 0 || index >= results.length) {
            return;
        }
        if (results[index] == null) {
            results[index] = square;
            processed.incrementAndGet();
        }
        else {
            duplicates.incrementAndGet();
        }
    }

    SquareJobView view() {
        int done = processed.get();
        return new SquareJobView(id, results.length, done, duplicates.get(), done == results.length);
    }

    /** The squares in input order, once every one has arrived. */
    synchronized List<BigInteger> results() {
        return Arrays.asList(results.clone());
    }
}
