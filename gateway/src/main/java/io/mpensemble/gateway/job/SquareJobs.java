package io.mpensemble.gateway.job;

import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

import io.mpensemble.api.square.SquareResult;
import io.mpensemble.api.square.SquareTask;
import io.mpensemble.api.square.SquareTopics;
import io.mpensemble.gateway.queue.Queues;
import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.support.problem.ProblemType;

/**
 * Square jobs: a list of integers split into one task per number on the task topic, squared by however many
 * square-worker processes consume it into the job's own result queue (a named queue, also open to {@code get}), and
 * read back from it (read-committed) into the job in input order. Jobs live in this gateway's memory; the most
 * recent {@value #KEPT_JOBS} are kept, and an older job's result queue is deleted.
 */
@Service
public class SquareJobs {

    static final int KEPT_JOBS = 100;

    /** How long Kafka may take to have every task of a job. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    /** A job's id, which is also its result queue's name. */
    static final String QUEUE_PATTERN = "job-[0-9a-f]{32}";

    private final KafkaTemplate<String, SquareTask> tasks;
    private final Queues queues;
    private final Map<String, SquareJob> jobs = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SquareJob> eldest) {
                    if (size() <= KEPT_JOBS) {
                        return false;
                    }
                    forget(eldest.getKey());
                    return true;
                }
            });
    private final Map<String, SquareJob> active = new ConcurrentHashMap<>();

    SquareJobs(KafkaTemplate<String, SquareTask> tasks, Queues queues) {
        this.tasks = tasks;
        this.queues = queues;
    }

    /** Puts one task per number on the task topic and returns the job once Kafka has every task. */
    public SquareJobView submit(List<BigInteger> numbers) {
        SquareJob job = new SquareJob("job-" + UUID.randomUUID().toString().replace("-", ""), numbers.size());
        // The job's own reader reads the results as well as any getter: what getters took stays for it.
        queues.create(job.id(), 0, false, true);
        String resultTopic = queues.topicOf(job.id());
        jobs.put(job.id(), job);
        active.put(job.id(), job);
        CompletableFuture<?>[] sent = new CompletableFuture<?>[numbers.size()];
        for (int index = 0; index < numbers.size(); index++) {
            sent[index] = tasks.send(SquareTopics.TASKS, job.id() + ":" + index,
                    new SquareTask(job.id(), index, numbers.get(index), resultTopic));
        }
        try {
            CompletableFuture.allOf(sent).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw unavailable(job, ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw unavailable(job, ex);
        }
        return job.view();
    }

    public SquareJobView get(String id) {
        return find(id).view();
    }

    /** The squares in input order; 409 while the job is still running. */
    public List<BigInteger> results(String id) {
        SquareJob job = find(id);
        if (!job.view().done()) {
            throw ProblemType.CONFLICT.problem("job " + id + " is not done: " + job.view().processed() + " of "
                    + job.view().submitted() + " squares have arrived");
        }
        return job.results();
    }

    /** Results as the job result queues' reader gets them; anything that is not a square result is skipped. */
    void onResults(List<ConsumerRecord<String, SquareResult>> records) {
        for (ConsumerRecord<String, SquareResult> record : records) {
            SquareResult result = record.value();
            SquareJob job = result == null ? null : active.get(result.jobId());
            if (job != null) {
                job.accept(result.index(), result.square());
                if (job.view().done()) {
                    active.remove(job.id());
                }
            }
        }
    }

    private SquareJob find(String id) {
        SquareJob job = jobs.get(id);
        if (job == null) {
            throw ProblemType.NOT_FOUND.problem("no square job '" + id + "' here");
        }
        return job;
    }

    private void forget(String id) {
        active.remove(id);
        try {
            queues.delete(id);
        }
        catch (RuntimeException gone) {
            // deleted already, or Kafka is away: the queue stays until deleted through the queue API
        }
    }

    private EnsembleProblem unavailable(SquareJob job, Exception cause) {
        jobs.remove(job.id());
        forget(job.id());
        return EnsembleProblem.unavailable("Kafka", "taking the job's " + job.view().submitted() + " tasks",
                cause instanceof TimeoutException ? new TimeoutException("not all within " + SEND_TIMEOUT.toSeconds()
                        + " s") : cause);
    }
}
