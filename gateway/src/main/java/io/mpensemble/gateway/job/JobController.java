package io.mpensemble.gateway.job;

import java.math.BigInteger;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Square jobs: the tutorial's {@code square_list} over Kafka, for as many numbers as one likes. */
@RestController
@RequestMapping("/api/square-jobs")
@Tag(name = "square jobs", description = "Squares exactly, spread over every square-worker process, exactly once")
record JobController(SquareJobs jobs) {

    static final int MAX_NUMBERS = 1_000_000;

    /** A job's input. */
    record NewSquareJob(@NotNull @Size(max = MAX_NUMBERS) List<@NotNull BigInteger> numbers) {
    }

    /** A finished job's squares, in input order. */
    record SquareJobResults(String id, List<BigInteger> results) {
    }

    @Operation(summary = "Submit a square job", description = "One task per number goes on the task topic; "
            + "square-workers square them in Kafka transactions. Example: {\"numbers\": [1, 2, 3]} → 201 "
            + "{\"id\": \"job-…\", \"submitted\": 3, \"processed\": 0, \"duplicates\": 0, \"done\": false}")
    @PostMapping
    ResponseEntity<SquareJobView> submit(@Valid @RequestBody NewSquareJob job) {
        SquareJobView submitted = jobs.submit(job.numbers());
        return ResponseEntity.created(URI.create("/api/square-jobs/" + submitted.id())).body(submitted);
    }

    @Operation(summary = "A job's progress: submitted, processed, done",
            description = "Example: {\"id\": \"job-…\", \"submitted\": 3, \"processed\": 3, \"duplicates\": 0, "
                    + "\"done\": true}")
    @GetMapping("/{id}")
    SquareJobView get(@PathVariable String id) {
        return jobs.get(id);
    }

    @Operation(summary = "A finished job's squares in input order (409 while it runs)",
            description = "Example: {\"id\": \"job-…\", \"results\": [1, 4, 9]}")
    @GetMapping("/{id}/results")
    SquareJobResults results(@PathVariable String id) {
        return new SquareJobResults(id, jobs.results(id));
    }
}
