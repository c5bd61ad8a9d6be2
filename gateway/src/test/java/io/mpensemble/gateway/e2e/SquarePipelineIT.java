package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The square pipeline across two square-worker processes: one is killed with SIGKILL in the middle of a job of
 * 100,000 numbers, and still every square arrives exactly once, correct, in input order, both in the job's results
 * and in its result queue as getters drain it.
 */
@Order(5)
class SquarePipelineIT {

    static final int NUMBERS = 100_000;

    static Ensemble ensemble;
    static Process extraWorker;
    static Path extraLog;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void secondWorker() throws Exception {
        ensemble = Ensemble.shared();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar;
        try (var jars = Files.list(ensemble.root().resolve("square-worker/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("square-worker-.*\\.jar")).findFirst()
                    .orElseThrow();
        }
        extraLog = ensemble.root().resolve("gateway/target/ensemble-it/logs/square-worker-extra.log");
        Files.createDirectories(extraLog.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(extraLog.toFile());
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ensemble.port("KAFKA_PORT"));
        builder.environment().put("RECORD_SERVICE_URL", "http://localhost:" + ensemble.port("RECORD_SERVICE_PORT"));
        builder.environment().put("SQUARE_WORKER_PORT", String.valueOf(port));
        extraWorker = builder.start();
        // Ready to take work once the group has given it task partitions.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && extraWorker.isAlive()
                && !Files.readString(extraLog).matches("(?s).*partitions assigned: \\[mp\\.square\\.tasks-.*")) {
            Thread.sleep(250);
        }
        assertThat(Files.readString(extraLog)).as("the second square-worker joined the group")
                .containsPattern("partitions assigned: \\[mp\\.square\\.tasks-");
    }

    @AfterAll
    static void stopWorker() {
        if (extraWorker != null) {
            extraWorker.destroyForcibly();
        }
    }

    @Test
    void aWorkerKilledMidJobLeavesEveryResultExactlyOnceAndInOrder() throws Exception {
        String numbers = IntStream.range(0, NUMBERS).mapToObj(i -> BigInteger.valueOf(i).pow(5).toString())
                .collect(Collectors.joining(",", "{\"numbers\": [", "]}"));
        HttpResponse<String> submitted = http.send(Programs.post(gateway("/api/square-jobs"), numbers),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String job = json.readTree(submitted.body()).get("id").asString();

        JsonNode progress = status(job);
        while (progress.get("processed").asInt() < NUMBERS / 10) {
            Thread.sleep(20);
            progress = status(job);
        }
        extraWorker.destroyForcibly(); // SIGKILL: no shutdown hook, no clean leave of the group
        assertThat(extraWorker.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int processedAtKill = progress.get("processed").asInt();
        assertThat(processedAtKill).as("killed in the middle of the job").isLessThan(NUMBERS);

        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!progress.get("done").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            progress = status(job);
        }
        assertThat(progress.get("done").asBoolean()).as(progress.toString()).isTrue();
        assertThat(progress.get("processed").asInt()).isEqualTo(NUMBERS);
        assertThat(progress.get("duplicates").asInt()).as("results seen twice").isZero();

        HttpResponse<String> results = http.send(HttpRequest.newBuilder(URI.create(gateway(
                "/api/square-jobs/" + job + "/results"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(results.statusCode()).isEqualTo(200);
        JsonNode squares = json.readTree(results.body()).get("results");
        assertThat(squares.size()).isEqualTo(NUMBERS);
        for (int i = 0; i < NUMBERS; i++) {
            assertThat(squares.get(i).bigIntegerValue()).as("square of number %d", i)
                    .isEqualTo(BigInteger.valueOf(i).pow(10));
        }

        // The job's result queue, as a getter sees it: every square once, none from the killed worker's aborted
        // transaction (whose records stay in the log, marked aborted).
        boolean[] seen = new boolean[NUMBERS];
        int drained = 0;
        deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (drained < NUMBERS && System.nanoTime() < deadline) {
            HttpResponse<String> batch = http.send(Programs.post(gateway("/api/queues/" + job
                    + "/drain?max=10000&timeout=5"), null), HttpResponse.BodyHandlers.ofString());
            if (batch.statusCode() == 409) {
                continue; // Empty for now: the killed worker's open transaction holds back what follows it
            }
            assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
            for (String line : batch.body().split("\n")) {
                JsonNode result = json.readTree(line);
                int index = result.get("index").asInt();
                assertThat(seen[index]).as("result %d drained twice", index).isFalse();
                seen[index] = true;
                assertThat(result.get("square").bigIntegerValue()).isEqualTo(BigInteger.valueOf(index).pow(10));
                drained++;
            }
        }
        assertThat(drained).as("results drained from the job's queue").isEqualTo(NUMBERS);
        HttpResponse<String> after = http.send(Programs.post(gateway("/api/queues/" + job + "/get?timeout=3"), null),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("nothing left in the job's queue: %s", after.body()).isEqualTo(409);
        System.out.printf("square job: %d numbers, worker killed at %d processed, all done exactly once, "
                + "and drained from its queue exactly once%n", NUMBERS, processedAtKill);
    }

    private JsonNode status(String job) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway(
                "/api/square-jobs/" + job))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String gateway(String path) {
        return "http://localhost:" + ensemble.port("GATEWAY_PORT") + path;
    }
}
