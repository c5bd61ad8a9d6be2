package io.mpensemble.recordservice.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** record-service's HTTP API as a client sees it: status, headers and the JSON body. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply post(String path) {
        return send("POST", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    /** Sends {@code body} (none when {@code null}) as {@code application/json}. */
    public Reply send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type"), response.headers().firstValue("Location"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** One answer. */
    public record Reply(int status, String text, Optional<String> contentType, Optional<String> location) {

        public JsonNode body() {
            return json(text);
        }

        /** The body, after checking the status. */
        public JsonNode ok(int expected) {
            assertThat(status).as("status of a reply with body %s", text).isEqualTo(expected);
            return text.isEmpty() ? null : body();
        }

        public JsonNode ok() {
            return ok(200);
        }

        /** Checks the reply is an RFC 9457 problem of this status and {@code urn:mp-ensemble:problem:<slug>}. */
        public JsonNode problem(int expectedStatus, String slug) {
            assertThat(status).as("status of a reply with body %s", text).isEqualTo(expectedStatus);
            assertThat(contentType).hasValue("application/problem+json");
            JsonNode problem = body();
            assertThat(problem.path("type").asString()).as(text).isEqualTo("urn:mp-ensemble:problem:" + slug);
            return problem;
        }

        /** Checks the problem and its {@code detail}. */
        public void problem(int expectedStatus, String slug, String detail) {
            assertThat(problem(expectedStatus, slug).path("detail").asString()).isEqualTo(detail);
        }
    }
}
