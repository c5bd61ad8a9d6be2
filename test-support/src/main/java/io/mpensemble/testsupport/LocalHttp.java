package io.mpensemble.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP calls to a service on this machine, as any client makes them: a path is the service's own ({@code
 * /api/pipes}), an answer is text in UTF-8, and a failed call is an unchecked exception the test fails with.
 */
public final class LocalHttp {

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    public LocalHttp(int port) {
        this.port = port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A request to build further (a header, a method, a timeout). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    /** A POST of {@code body} ({@code null}: none) as {@code contentType} ({@code null}: no Content-Type). */
    public HttpRequest postRequest(String path, String contentType, String body) {
        HttpRequest.Builder request = request(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    public HttpResponse<String> get(String path) {
        return call(request(path).GET().build());
    }

    public HttpResponse<String> delete(String path) {
        return call(request(path).DELETE().build());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return call(postRequest(path, contentType, body));
    }

    /** Sends and waits for the whole answer as text. */
    public HttpResponse<String> call(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> answer) {
        try {
            return client.send(request, answer);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Sends without waiting: for a call that blocks until another one has been made. */
    public CompletableFuture<HttpResponse<String>> callAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
