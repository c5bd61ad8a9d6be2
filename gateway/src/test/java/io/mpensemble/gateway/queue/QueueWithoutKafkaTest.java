package io.mpensemble.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without a broker the queue API answers a 503 problem (the client may retry), never a 500 or a hang. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueueWithoutKafkaTest {

    @DynamicPropertySource
    static void noBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + freePort());
    }

    @LocalServerPort
    int port;

    @Test
    void creatingOrUsingAQueueWithoutKafkaIsA503Problem() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (HttpRequest request : new HttpRequest[] {
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/queues"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"q\"}")).build(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/queues/q/qsize")).build() }) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("urn:mp-ensemble:problem:service-unavailable");
        }
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
