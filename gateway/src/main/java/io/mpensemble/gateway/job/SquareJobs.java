package io.mpensemble.gateway.job;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import io.mpensemble.contracts.square.SquareResult;
import io.mpensemble.contracts.square.SquareTask;
import io.mpensemble.contracts.square.SquareTopics;

/**
 * Square jobs: a list of integers split into one task per number on the task topic, squared by however many
 * square-worker processes consume it, the results read back (read-committed) into the job in input order.
 * Jobs live in this gateway's memory; the most recent {@value #KEPT_JOBS} are kept.
 */
@Service
public class SquareJobs {

    static final int KEPT_JOBS = 100;

    private final KafkaTemplate<String, SquareTask> tasks;
    private final Map<String, SquareJob> jobs = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SquareJob> eldest) {
                    return size() > KEPT_JOBS;
                }
            });
    private final Map<String, SquareJob> active = new ConcurrentHashMap<>();

    SquareJobs(KafkaTemplate<String, SquareTask> tasks) {
        this.tasks = tasks;
    }

    /** Puts one task per number on the task topic and returns the job once Kafka has every task. */
    public SquareJobView submit(List<BigInteger> numbers) {
        SquareJob job = new SquareJob("job-" + UUID.randomUUID().toString().replace("-", ""), numbers.size());
        jobs.put(job.id(), job);
        active.put(job.id(), job);
        CompletableFuture<?>[] sent = new CompletableFuture<?>[numbers.size()];
        for (int index = 0; index < numbers.size(); index++) {
            sent[index] = tasks.send(SquareTopics.TASKS, job.id() + ":" + index,
                    new SquareTask(job.id(), index, numbers.get(index)));
        }
        try {
            CompletableFuture.allOf(sent).get(60, TimeUnit.SECONDS);
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
            throw new ResponseStatusException(HttpStatus.CONFLICT, "job " + id + " is not done: "
                    + job.view().processed() + " of " + job.view().submitted() + " squares have arrived");
        }
        return job.results();
    }

    @KafkaListener(id = "square-results", topics = SquareTopics.RESULTS, groupId = "gateway-${random.uuid}",
            containerFactory = "squareResultsFactory")
    void onResults(List<SquareResult> results) {
        for (SquareResult result : results) {
            SquareJob job = active.get(result.jobId());
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
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no square job " + id);
        }
        return job;
    }

    private ResponseStatusException unavailable(SquareJob job, Exception cause) {
        jobs.remove(job.id());
        active.remove(job.id());
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not take the job's tasks: " + cause.getMessage(), cause);
    }
}
