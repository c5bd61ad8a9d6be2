package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A queue's items live in Kafka, not in any service: they survive a restart of every service and then of the broker,
 * each item still delivered once and in the order it was put.
 */
@Order(8)
class QueueDurabilityIT {

    static Ensemble ensemble;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void ensemble() throws Exception {
        ensemble = Ensemble.shared();
    }

    @Test
    void itemsSurviveARestartOfEveryServiceAndOfTheBroker() throws Exception {
        String queue = "durable-" + System.nanoTime();
        HttpResponse<String> created = post("/api/queues",
                "{\"name\": \"" + queue + "\", \"maxsize\": 5000, \"joinable\": true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        for (int batch = 0; batch < 4; batch++) {
            String items = IntStream.range(batch * 250, (batch + 1) * 250).mapToObj(i -> "{\"n\": " + i + "}")
                    .collect(Collectors.joining(", ", "[", "]"));
            HttpResponse<String> put = post("/api/queues/" + queue + "/put", "{\"items\": " + items + "}");
            assertThat(put.body()).isEqualTo("{\"put\":250}");
        }
        assertThat(drain(queue, 100)).isEqualTo(expected(0, 100));

        long gatewayBefore = ensemble.pidsAtStart().get("gateway");
        ensemble.restart("gateway", "square-worker", "record-service", "printer-service");
        assertThat(ensemble.pidsAtStart().get("gateway")).isNotEqualTo(gatewayBefore);
        assertThat(get("/api/queues/" + queue).body()).isEqualTo("{\"name\":\"" + queue
                + "\",\"maxsize\":5000,\"joinable\":true,\"closed\":false,\"qsize\":900}");
        assertThat(drain(queue, 100)).isEqualTo(expected(100, 200));

        long kafkaBefore = ensemble.pidsAtStart().get("kafka");
        ensemble.restart("kafka");
        assertThat(ensemble.pidsAtStart().get("kafka")).isNotEqualTo(kafkaBefore);
        assertThat(get("/api/queues/" + queue + "/qsize").body()).isEqualTo("{\"qsize\":800}");
        assertThat(drain(queue, 10_000)).isEqualTo(expected(200, 1000));
        HttpResponse<String> empty = post("/api/queues/" + queue + "/get_nowait", "");
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(409);
        // task_done counts survived too: 1000 items put, none done yet
        assertThat(post("/api/queues/" + queue + "/join?timeout=0", "").body())
                .isEqualTo("{\"joined\":false,\"unfinishedTasks\":1000}");
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/queues/" + queue)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);

        // The ensemble works on after the restarts: the queue program runs through square-worker, Kafka and gateway.
        new Programs(ensemble).assertPrintsTheTutorialsTranscript("queue");
    }

    private static List<String> expected(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"n\":" + i + "}").toList();
    }

    private List<String> drain(String queue, int max) throws Exception {
        HttpResponse<String> drained = post("/api/queues/" + queue + "/drain?max=" + max, "");
        assertThat(drained.statusCode()).as(drained.body()).isEqualTo(200);
        return drained.body().isEmpty() ? List.of() : Arrays.asList(drained.body().split("\n"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(Programs.post(uri(path).toString(), json.isEmpty() ? null : json),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + ensemble.port("GATEWAY_PORT") + path);
    }
}
