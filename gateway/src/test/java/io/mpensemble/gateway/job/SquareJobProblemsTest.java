package io.mpensemble.gateway.job;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Square jobs answer typed problems: an unknown job is a 404 {@code not-found}, and a job Kafka cannot take is a 503
 * {@code service-unavailable} whose detail names Kafka and what it was asked, never {@code null}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SquareJobProblemsTest {

    @DynamicPropertySource
    static void noBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + freePort());
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnknownJobIsANotFoundProblem() throws Exception {
        for (String path : new String[] { "/api/square-jobs/job-0123", "/api/square-jobs/job-0123/results" }) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JsonMapper.shared().readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo("urn:mp-ensemble:problem:not-found");
            assertThat(problem.path("detail").asString()).contains("job-0123");
        }
    }

    @Test
    void aJobWithoutKafkaIsA503ProblemNamingKafkaAndWhatItWasAsked() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/square-jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"numbers\": [1, 2, 3]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as("when to try again").isPresent();
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:mp-ensemble:problem:service-unavailable");
        assertThat(problem.path("detail").asString()).startsWith("Kafka did not answer while ")
                .doesNotContain("null");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
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
