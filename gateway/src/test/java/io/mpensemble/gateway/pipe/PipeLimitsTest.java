package io.mpensemble.gateway.pipe;

import static io.mpensemble.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.mpensemble.gateway.GatewayWithoutBroker;
import io.mpensemble.testsupport.LocalHttp;

/**
 * What bounds the memory an abandoned public pipe holds: a send waits for room at most max-timeout (1 s here, 60 s by
 * default), and a pipe with no call on either end for idle-timeout (1.5 s here, 10 min by default) is closed and
 * forgotten.
 */
@GatewayWithoutBroker
@TestPropertySource(properties = { "mp-ensemble.pipes.buffer-size=1KB", "mp-ensemble.pipes.max-timeout=1s",
        "mp-ensemble.pipes.idle-timeout=1500ms" })
class PipeLimitsTest {

    @Autowired
    LocalHttp http;

    @Test
    void aSendToAFullBufferIsATimeoutProblemAfterMaxTimeoutAndSendsNothingOfTheMessage() throws Exception {
        String pipe = create();
        String filler = "\"" + "f".repeat(900) + "\"";
        String late = "\"" + "l".repeat(200) + "\"";
        assertThat(http.post(pipe + "/ends/0/send", "application/json", filler).body()).isEqualTo("{\"sent\":1}");
        long start = System.nanoTime();
        HttpResponse<String> timedOut = http.post(pipe + "/ends/0/send", "application/x-ndjson", late + "\n1\n");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertProblem(timedOut, 409, "timeout", "line 1 (0 messages before it were sent)");
        assertThat(timedOut.body()).contains("no room", "nothing of it was sent");
        assertThat(millis).isBetween(1_000L, 5_000L);
        assertThat(http.post(pipe + "/ends/1/recv", null, null).body()).isEqualTo(filler);
        assertProblem(http.post(pipe + "/ends/1/recv?timeout=0.2", null, null), 409, "timeout", "within");
        http.delete(pipe);
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
                    assertThat(http.get(used + "/ends/1/poll").statusCode()).isEqualTo(200);
                    Thread.sleep(200);
                }
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        });
        http.post(abandoned + "/ends/0/send", "application/json", "\"left behind\"");
        Thread.sleep(3_000);
        assertProblem(http.get(abandoned), 404, "not-found", abandoned.substring(abandoned.lastIndexOf('/') + 1));
        assertProblem(http.post(abandoned + "/ends/1/recv", null, null), 404, "not-found", "end 1");
        assertThat(metric("mp_ensemble_pipe_expired_total")).isEqualTo(expired + 1);
        assertThat(http.get(used).statusCode()).as("a pipe in use stays").isEqualTo(200);
        done.set(true);
        polling.get(5, java.util.concurrent.TimeUnit.SECONDS);
        http.delete(used);
    }

    private String create() throws Exception {
        HttpResponse<String> created = http.post("/api/pipes", null, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        return "/api/pipes/" + id.group(1);
    }

    private double metric(String name) throws Exception {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{application=\"gateway\"} (\\S+)$")
                .matcher(http.get("/actuator/prometheus").body());
        assertThat(value.find()).as(name).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
