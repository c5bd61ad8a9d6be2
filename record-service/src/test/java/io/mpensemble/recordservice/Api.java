package io.mpensemble.recordservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** record-service's HTTP API as a client sees it: status, headers and body. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Checks the reply's status and its problem's type, without {@code urn:mp-ensemble:problem:}. */
    public static void assertProblem(Reply reply, int status, String problem) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.problem()).as(reply.toString()).isEqualTo(problem);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path) {
        return send("POST", path, null);
    }

    public Reply post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    public Reply put(String path, String json, String... headers) {
        return send("PUT", path, json, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** POSTs {@code json} (null for none) to create an object; its id, after checking the reply is 201 Created. */
    public String create(String path, String json) {
        Reply reply = post(path, json);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** One field of what {@code GET path} answers, after checking the reply is 200 OK. */
    public JsonNode read(String path, String field) {
        Reply reply = get(path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get(field);
    }

    /** A request; {@code json} (sent as {@code application/json}) null for none; {@code headers} as name, value, ... */
    public Reply send(String method, String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** One answer. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return Api.json(body);
        }

        public Optional<String> contentType() {
            return headers.firstValue("Content-Type");
        }

        public Optional<String> location() {
            return headers.firstValue("Location");
        }

        /** The JSON body, after checking the status; null for an empty body. */
        public JsonNode ok(int expected) {
            assertThat(status).as("status of a reply with body %s", body).isEqualTo(expected);
            return body.isEmpty() ? null : json();
        }

        public JsonNode ok() {
            return ok(200);
        }

        /** The problem's type, without {@code urn:mp-ensemble:problem:}. */
        public String problem() {
            return json().get("type").asString().replace("urn:mp-ensemble:problem:", "");
        }

        /** Checks the reply is an RFC 9457 problem of this status and {@code urn:mp-ensemble:problem:<slug>}. */
        public JsonNode problem(int expectedStatus, String slug) {
            assertThat(status).as("status of a reply with body %s", body).isEqualTo(expectedStatus);
            assertThat(contentType()).hasValue("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("type").asString()).as(body).isEqualTo("urn:mp-ensemble:problem:" + slug);
            return problem;
        }

        /** Checks the problem and its {@code detail}. */
        public void problem(int expectedStatus, String slug, String detail) {
            assertThat(problem(expectedStatus, slug).path("detail").asString()).isEqualTo(detail);
        }

        public String detail() {
            return json().get("detail").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
