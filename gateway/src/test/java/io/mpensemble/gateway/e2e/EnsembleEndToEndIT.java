package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.util.FileSystemUtils;

/**
 * The ensemble end to end: {@code ./ensemble up} starts Kafka, Redis and the four services as separate processes, the
 * test calls the gateway over HTTP as a user would, and {@code ./ensemble down} leaves nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnsembleEndToEndIT {

    private final Path root = Path.of(System.getProperty("ensemble.root", "..")).toAbsolutePath().normalize();
    private final Ensemble ensemble = new Ensemble(root, root.resolve("gateway/target/ensemble-it"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> pidsAtStart = new HashMap<>();

    @BeforeAll
    void up() throws Exception {
        FileSystemUtils.deleteRecursively(root.resolve("gateway/target/ensemble-it"));
        Ensemble.Result up = ensemble.run("up");
        assertThat(up.exitCode()).as("./ensemble up failed:\n%s", up.output()).isZero();
        assertThat(up.output()).contains("mp-ensemble is up")
                .contains("Gateway: http://localhost:" + ensemble.port("GATEWAY_PORT"));
        for (String process : Ensemble.PROCESSES) {
            pidsAtStart.put(process, ensemble.recordedPid(process));
        }
    }

    @AfterAll
    void down() throws Exception {
        ensemble.run("down");
    }

    @Test
    @Order(1)
    void everyRoleRunsAsItsOwnReadyProcess() throws Exception {
        Ensemble.Result status = ensemble.run("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        for (String process : Ensemble.PROCESSES) {
            assertThat(status.output()).containsPattern("(?m)^" + process + "\\s+\\d+\\s+\\d+\\s+ready$");
            long pid = pidsAtStart.get(process);
            assertThat(ProcessHandle.of(pid)).as(process + " runs").hasValueSatisfying(
                    handle -> assertThat(handle.isAlive()).isTrue());
        }
        assertThat(pidsAtStart.values()).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());
    }

    @Test
    @Order(2)
    void withoutABodyTheIsolationProgramPrintsTheTutorialsTranscriptByteForByte() throws Exception {
        HttpResponse<byte[]> response = http.send(post("/api/programs/isolation", null),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        try (var transcript = getClass().getResourceAsStream("/transcripts/isolation.txt")) {
            assertThat(response.body()).isEqualTo(transcript.readAllBytes());
        }
    }

    @Test
    @Order(3)
    void anyListPrintsWhatPythonPrints() throws Exception {
        Random random = new Random(20261125);
        List<String> inputs = new ArrayList<>(List.of("[]", "[0]", "[-7, 7, 0]", "[2, 2, 2]",
                "[9223372036854775807, -9223372036854775808]", "[" + "9".repeat(1000) + "]"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new BigInteger(random.nextInt(1, 200), random).multiply(
                    BigInteger.valueOf(random.nextBoolean() ? 1 : -1)).toString());
        }
        inputs.add(many.stream().collect(Collectors.joining(", ", "[", "]")));
        for (String numbers : inputs) {
            String body = "{\"numbers\": " + numbers + "}";
            HttpResponse<String> response = http.send(post("/api/programs/isolation", body),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(body).isEqualTo(200);
            assertThat(response.body()).as(body).isEqualTo(python("isolation", body));
        }
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @Order(4)
    @CsvSource(delimiter = '|', textBlock = """
            {"numbers": [1, 2.5]}              | numbers[1]
            {"numbers": [1, "2"]}              | numbers[1]
            {"numbers": [true]}                | numbers[0]
            {"numbers": [1, null]}             | numbers[1]
            {"numbers": 4}                     | numbers
            {"numbers": [[1]]}                 | numbers[0]
            {"numbers": [1], "typo": 2}        | typo
            {"numbers": [1, 2                  | JSON
            [1, 2, 3]                          | JSON object
            """)
    void badInputIsA400ProblemNamingWhatIsWrong(String body, String named) throws Exception {
        assertProblem(body, named);
    }

    @Test
    @Order(5)
    void inputsBeyondTheDocumentedLimitsAreA400Problem() throws Exception {
        String tooMany = java.util.stream.IntStream.rangeClosed(1, 10_001).mapToObj(String::valueOf)
                .collect(Collectors.joining(",", "{\"numbers\": [", "]}"));
        assertProblem(tooMany, "10000");
        assertProblem("{\"numbers\": [" + "1".repeat(1001) + "]}", "1000");
    }

    @Test
    @Order(6)
    void aSecondUpChangesNothing() throws Exception {
        Ensemble.Result again = ensemble.run("up");
        assertThat(again.exitCode()).as(again.output()).isZero();
        for (String process : Ensemble.PROCESSES) {
            assertThat(again.output()).contains(process + " is already running (pid " + pidsAtStart.get(process));
            assertThat(ensemble.recordedPid(process)).isEqualTo(pidsAtStart.get(process));
        }
        assertThat(again.output()).doesNotContain("started ");
    }

    @Test
    @Order(7)
    void downStopsExactlyWhatUpStartedAndFreesEveryPort() throws Exception {
        Ensemble.Result down = ensemble.run("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.output()).contains("6 processes stopped");
        for (String process : Ensemble.PROCESSES) {
            assertThat(ProcessHandle.of(pidsAtStart.get(process)).map(ProcessHandle::isAlive)).as(process)
                    .satisfiesAnyOf(alive -> assertThat(alive).isEmpty(), alive -> assertThat(alive).hasValue(false));
        }
        for (int port : ensemble.ports()) {
            assertThat(Ensemble.listening(port)).as("port %d is free", port).isFalse();
        }
        Ensemble.Result status = ensemble.run("status");
        assertThat(status.exitCode()).isNotZero();
        assertThat(status.output().lines().filter(line -> line.endsWith("stopped"))).hasSize(6);
    }

    private void assertProblem(String body, String named) throws Exception {
        HttpResponse<String> response = http.send(post("/api/programs/isolation", body),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).as(body).contains("\"status\":400").contains("\"type\":\"urn:mp-ensemble:problem:")
                .contains(named);
    }

    private HttpRequest post(String path, String json) throws URISyntaxException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                new URI("http://localhost:" + ensemble.port("GATEWAY_PORT") + path)).timeout(Duration.ofSeconds(60));
        if (json == null) {
            return request.POST(HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** What the tutorial's program prints in real Python multiprocessing for this input. */
    private String python(String program, String json) throws IOException, InterruptedException {
        Path oracle;
        try {
            oracle = Path.of(getClass().getResource("/oracle/programs.py").toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
        Path input = Files.createTempFile("oracle-", ".json");
        Files.writeString(input, json);
        // The JSON goes through a file: a 300-number list is too long for a comfortable command line.
        Process process = new ProcessBuilder("python3", "-c",
                "import sys, runpy; sys.argv = [sys.argv[1], sys.argv[2], open(sys.argv[3]).read()]; "
                        + "runpy.run_path(sys.argv[0], run_name='__main__')",
                oracle.toString(), program, input.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python3 oracle: %s", output).isZero();
        Files.delete(input);
        return output;
    }
}
