package io.mpensemble.squareworker.pipeline;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.mpensemble.api.square.SquareResult;
import io.mpensemble.api.square.SquareTask;
import io.mpensemble.api.square.SquareTopics;

/**
 * The tutorial's {@code square_list}, scaled out: every square-worker process is a consumer of the task topic, and
 * squares exactly, putting each square into the job's result queue. Read-process-write is one Kafka transaction per polled batch (the listener container's
 * transaction manager comes from {@code spring.kafka.producer.transaction-id-prefix}): the results and the consumed
 * offsets commit together or not at all, so a worker killed mid-batch leaves no result visible to read-committed
 * readers and its tasks are squared again by another worker — every result exactly once.
 */
@Component
class SquarePipeline {

    private final KafkaTemplate<String, Object> kafka;
    private final Counter processed;
    private final Timer batches;

    SquarePipeline(KafkaTemplate<String, Object> kafka, MeterRegistry meters) {
        this.kafka = kafka;
        this.processed = Counter.builder("mp.ensemble.square.processed").description("Squares computed and sent")
                .register(meters);
        this.batches = Timer.builder("mp.ensemble.square.batch").description("Time to square one polled batch of tasks")
                .register(meters);
    }

    @KafkaListener(id = "square-pipeline", topics = SquareTopics.TASKS, groupId = SquareTopics.WORKERS)
    void square(List<SquareTask> tasks) {
        batches.record(() -> {
            for (SquareTask task : tasks) {
                kafka.send(task.resultTopic(), task.jobId(),
                        new SquareResult(task.jobId(), task.index(), task.number().multiply(task.number())));
            }
        });
        processed.increment(tasks.size());
    }
}
