package io.mpensemble.gateway.queue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One queue's task-done partition, read in order: which {@code task_done()} calls count. Kafka has no
 * compare-and-set, but one partition has one order that every replica reads alike, so the rule is applied there: a
 * call counts when fewer calls before it counted than the items its caller saw put (the record's value). Two calls
 * through two replicas for the last unfinished task land one after the other, and only the first counts.
 *
 * <p>Not thread-safe: the caller holds the consumer's lock. The consumer is shared, so each read seeks first.
 */
final class TaskDoneLog {

    /** How many recent calls' verdicts are kept for callers that have not read theirs yet. */
    private static final int VERDICTS = 10_000;

    private final TopicPartition partition;
    private final KafkaConsumer<String, String> reader;
    private final Duration timeout;

    private long next;
    private long counted;
    private final Map<Long, Boolean> verdicts = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > VERDICTS;
        }
    };

    TaskDoneLog(TopicPartition partition, KafkaConsumer<String, String> reader, Duration timeout) {
        this.partition = partition;
        this.reader = reader;
        this.timeout = timeout;
    }

    /** Whether the call recorded at {@code offset} counts. */
    boolean counts(long offset) {
        Boolean verdict = verdicts.get(offset);
        if (verdict == null && offset < next) {
            // read past long ago: read it again from the start
            reset();
        }
        readUpTo(offset + 1);
        return verdicts.get(offset);
    }

    /** How many of the calls recorded below {@code end} count. */
    long countedBefore(long end) {
        if (end < next) {
            // the partition is shorter than what was read: a queue of this name was deleted and made anew
            reset();
        }
        readUpTo(end);
        return counted;
    }

    private void reset() {
        next = 0;
        counted = 0;
        verdicts.clear();
    }

    private void readUpTo(long end) {
        if (next >= end) {
            return;
        }
        reader.assign(List.of(partition));
        reader.seek(partition, next);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (next < end) {
            if (System.nanoTime() > deadline) {
                throw new KafkaCallFailed("reading " + partition + " up to offset " + end,
                        new TimeoutException("no answer within " + timeout.toMillis() / 1000.0 + " s"));
            }
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(100))) {
                if (record.offset() < next || record.offset() >= end) {
                    continue; // read again from next on the next call: what is counted stays what lies below end
                }
                // an empty value: a call recorded before calls carried their count, which counted when made
                boolean counts = record.value() == null || record.value().isEmpty()
                        || counted < Long.parseLong(record.value());
                if (counts) {
                    counted++;
                }
                verdicts.put(record.offset(), counts);
                next = record.offset() + 1;
            }
            next = Math.max(next, Math.min(end, reader.position(partition)));
        }
    }
}
