package io.mpensemble.gateway.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What bounds the memory an abandoned public pipe holds: a send waits for room at most max-timeout (1 s here, 60 s by
 * default), and a pipe with no call on either end for idle-timeout (1.5 s here, 10 min by default) is closed and
 * forgotten.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mp-ensemble.pipes.buffer-size=1KB", "mp-ensemble.pipes.max-timeout=1s",
        "mp-ensemble.pipes.idle-timeout=1500ms" })
class PipeLimitsTest {

    @DynamicPropertySource
    static void noBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + freePort());
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSendToAFullBufferIsATimeoutProblemAfterMaxTimeoutAndSendsNothingOfTheMessage() throws Exception {
        String pipe = create();
        String filler = "\"" + "f".repeat(900) + "\"";
        String late = "\"" + "l".repeat(200) + "\"";
        assertThat(call(post(pipe + "/ends/0/send", "application/json", filler)).body()).isEqualTo("{\"sent\":1}");
        long start = System.nanoTime();
        HttpResponse<String> timedOut = call(post(pipe + "/ends/0/send", "application/x-ndjson", late + "\n1\n"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertProblem(timedOut, 409, "timeout", "line 1 (0 messages before it were sent)");
        assertThat(timedOut.body()).contains("no room", "nothing of it was sent");
        assertThat(millis).isBetween(1_000L, 5_000L);
        assertThat(call(post(pipe + "/ends/1/recv", null, null)).body()).isEqualTo(filler);
        assertProblem(call(post(pipe + "/ends/1/recv?timeout=0.2", null, null)), 409, "timeout", "within");
        call(delete(pipe));
    }

    @Test
    void aPipeWithNoCallOnEitherEndForTheIdleTimeoutIsClosedAndForgotten() throws Exception {
        double expired = metric("mp_ensemble_pipe_expired_total");
        String abandoned = create();
        String used = create();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<Void> polling = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                while (!done.get()) {
                    assertThat(call(get(used + "/ends/1/poll")).statusCode()).isEqualTo(200);
                    Thread.sleep(200);
                }
            }
            catch (IOException | InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        call(post(abandoned + "/ends/0/send", "application/json", "\"left behind\""));
        Thread.sleep(3_000);
        assertProblem(call(get(abandoned)), 404, "not-found", abandoned.substring(abandoned.lastIndexOf('/') + 1));
        assertProblem(call(post(abandoned + "/ends/1/recv", null, null)), 404, "not-found", "end 1");
        assertThat(metric("mp_ensemble_pipe_expired_total")).isEqualTo(expired + 1);
        assertThat(call(get(used)).statusCode()).as("a pipe in use stays").isEqualTo(200);
        done.set(true);
        polling.get(5, java.util.concurrent.TimeUnit.SECONDS);
        call(delete(used));
    }

    private String create() throws Exception {
        HttpResponse<String> created = call(post("/api/pipes", null, null));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        return "/api/pipes/" + id.group(1);
    }

    private double metric(String name) throws Exception {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{application=\"gateway\"} (\\S+)$")
                .matcher(call(get("/actuator/prometheus")).body());
        assertThat(value.find()).as(name).isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type, String named) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:mp-ensemble:problem:" + type + "\"").contains(named);
    }

    private HttpResponse<String> call(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest post(String path, String type, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpRequest delete(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).DELETE().build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
