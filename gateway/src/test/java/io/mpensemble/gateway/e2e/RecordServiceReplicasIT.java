package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two record-service processes on the ensemble's one Redis: 64 clients spread over both never lose an update, lock
 * holders never overlap, and objects outlive a record-service restart.
 */
@Order(4)
class RecordServiceReplicasIT {

    static final int CLIENTS = 64;
    static final int OPERATIONS = 500;

    static Ensemble ensemble;
    static Process replica;
    static int replicaPort;
    static String[] replicas;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void secondReplica() throws Exception {
        ensemble = Ensemble.shared();
        replicaPort = freePort();
        replica = startReplica();
        replicas = new String[] { "http://localhost:" + ensemble.port("RECORD_SERVICE_PORT"),
            "http://localhost:" + replicaPort };
    }

    @AfterAll
    static void stopReplica() throws InterruptedException {
        if (replica != null) {
            replica.destroy();
            replica.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void atomicAddsFrom64ClientsOnTwoReplicasLoseNothing() throws Exception {
        String value = create(replicas[0] + "/api/values", "{\"typecode\": \"q\", \"value\": 0}");
        long began = System.nanoTime();
        concurrently(CLIENTS, client -> {
            for (int i = 0; i < OPERATIONS; i++) {
                expect(200, send("POST", replicas[client % 2] + "/api/values/" + value + "/add", "{\"delta\": 1}"));
            }
        });
        report("atomic adds", began);
        assertThat(get(replicas[1] + "/api/values/" + value).get("value").asLong()).isEqualTo(CLIENTS * OPERATIONS);
    }

    @Test
    void appendsFrom64ClientsOnTwoReplicasLoseNothing() throws Exception {
        String manager = create(replicas[0] + "/api/managers", "{}");
        String list = create(replicas[1] + "/api/managers/" + manager + "/lists", "{\"values\": []}");
        long began = System.nanoTime();
        concurrently(CLIENTS, client -> {
            for (int i = 0; i < OPERATIONS; i++) {
                expect(200, send("POST", replicas[client % 2] + "/api/lists/" + list + "/append",
                        "{\"value\": [" + client + ", " + i + "]}"));
            }
        });
        report("list appends", began);
        assertThat(get(replicas[0] + "/api/lists/" + list + "/length").get("length").asInt())
                .isEqualTo(CLIENTS * OPERATIONS);
        expect(204, send("DELETE", replicas[1] + "/api/managers/" + manager, null));
        expect(404, send("GET", replicas[0] + "/api/lists/" + list, null));
    }

    @Test
    void lockHoldersOnTwoReplicasNeverOverlap() throws Exception {
        String value = create(replicas[0] + "/api/values", "{\"typecode\": \"i\"}");
        int holders = 16;
        int rounds = 20;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        concurrently(holders, client -> {
            String replica = replicas[client % 2];
            for (int i = 0; i < rounds; i++) {
                HttpResponse<String> lock = send("POST", replica + "/api/values/" + value + "/lock",
                        "{\"timeoutMs\": 60000, \"leaseMs\": 30000}");
                expect(200, lock);
                String token = json.readTree(lock.body()).get("token").asString();
                mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                long current = get(replica + "/api/values/" + value).get("value").asLong();
                expect(200, http.send(HttpRequest.newBuilder(URI.create(replica + "/api/values/" + value))
                        .header("Content-Type", "application/json").header("Lock-Token", token)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\": " + (current + 1) + "}")).build(),
                        HttpResponse.BodyHandlers.ofString()));
                inside.decrementAndGet();
                expect(204, http.send(HttpRequest.newBuilder(URI.create(replica + "/api/values/" + value + "/lock"))
                        .header("Lock-Token", token).DELETE().build(), HttpResponse.BodyHandlers.ofString()));
            }
        });
        assertThat(mostInside.get()).as("holders inside the lock at once").isEqualTo(1);
        assertThat(get(replicas[0] + "/api/values/" + value).get("value").asInt()).isEqualTo(holders * rounds);
    }

    @Test
    void objectsOutliveARestartOfRecordService() throws Exception {
        String value = create(replicas[1] + "/api/values", "{\"typecode\": \"Q\", \"value\": 18446744073709551615}");
        String array = create(replicas[1] + "/api/arrays", "{\"typecode\": \"d\", \"values\": [1.5, 2.25]}");
        replica.destroy();
        assertThat(replica.waitFor(30, TimeUnit.SECONDS)).isTrue();
        replica = startReplica();
        assertThat(get(replicas[1] + "/api/values/" + value).get("value").bigIntegerValue())
                .hasToString("18446744073709551615");
        assertThat(get(replicas[1] + "/api/arrays/" + array).get("values").toString()).isEqualTo("[1.5,2.25]");
    }

    private static Process startReplica() throws IOException, InterruptedException {
        Path jar;
        try (var jars = Files.list(ensemble.root().resolve("record-service/target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("record-service-.*\\.jar")).findFirst()
                    .orElseThrow();
        }
        Path log = ensemble.root().resolve("gateway/target/ensemble-it/logs/record-service-replica.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("REDIS_PORT", ensemble.env().get("REDIS_PORT"));
        builder.environment().put("RECORD_SERVICE_PORT", String.valueOf(replicaPort));
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + replicaPort + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the second record-service did not become ready:\n" + Files.readString(log));
    }

    private interface Client {
        void run(int client) throws Exception;
    }

    private static void concurrently(int clients, Client body) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    body.run(client);
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        }
    }

    private static void report(String what, long began) {
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("%s: %d in %.2f s = %.0f ops/s over two record-service processes%n", what,
                CLIENTS * OPERATIONS, seconds, CLIENTS * OPERATIONS / seconds);
    }

    private String create(String url, String body) throws Exception {
        HttpResponse<String> created = send("POST", url, body);
        expect(201, created);
        return json.readTree(created.body()).get("id").asString();
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = send("GET", url, null);
        expect(200, response);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(),
                response.body()).isEqualTo(status);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
