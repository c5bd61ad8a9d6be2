package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The public pipe API of the running gateway, driven with curl as the README shows it: NDJSON in, NDJSON out. */
@Order(8)
class PipeApiIT {

    static String gateway;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void ensemble() throws Exception {
        gateway = "http://localhost:" + Ensemble.shared().port("GATEWAY_PORT");
    }

    @Test
    void curlStreamsNdjsonIntoOneEndAndOutOfTheOther() throws Exception {
        String pipe = create();
        int n = 50_000;
        String lines = IntStream.range(0, n).mapToObj(i -> "[" + i + ", \"ü\\n\"]".replace(" ", ""))
                .collect(Collectors.joining("\n", "", "\n"));
        Path input = Files.createTempFile("pipe-", ".ndjson");
        Files.writeString(input, lines);
        // the receiver first: it streams each message out as it arrives, until EOF
        CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> curl("-sN", "-X", "POST",
                gateway + pipe + "/ends/1/recv_stream?timeout=30"));
        long start = System.nanoTime();
        String sent = curl("-s", "-H", "Content-Type: application/x-ndjson", "--data-binary", "@" + input,
                gateway + pipe + "/ends/0/send");
        assertThat(sent).isEqualTo("{\"sent\":" + n + "}");
        assertThat(curl("-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST",
                gateway + pipe + "/ends/0/close")).isEqualTo("204");
        assertThat(received.get(60, TimeUnit.SECONDS)).isEqualTo(lines);
        System.out.printf("curl: %d NDJSON messages through the gateway's pipe in %d ms%n", n,
                (System.nanoTime() - start) / 1_000_000);
        String eof = curl("-s", "-X", "POST", gateway + pipe + "/ends/1/recv");
        assertThat(eof).contains("urn:mp-ensemble:problem:eof");
        assertThat(curl("-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "DELETE", gateway + pipe))
                .isEqualTo("204");
        Files.delete(input);
    }

    @Test
    void theGatewaysMetricsShowThePipes() throws Exception {
        String pipe = create();
        String id = pipe.substring(pipe.lastIndexOf('/') + 1);
        http.send(HttpRequest.newBuilder(URI.create(gateway + pipe + "/ends/0/send"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("\"hi\""))
                .build(), HttpResponse.BodyHandlers.ofString());
        String metrics = http.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("mp_ensemble_pipe_open{application=\"gateway\"}",
                "mp_ensemble_pipe_eofs_total", "mp_ensemble_pipe_broken_total");
        assertThat(metrics).containsPattern("mp_ensemble_pipe_bytes_sent_total\\{[^}]*end=\"0\",pipe=\"" + id
                + "\"} 4.0");
        http.send(HttpRequest.newBuilder(URI.create(gateway + pipe)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private String create() throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/pipes"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        return "/api/pipes/" + id.group(1);
    }

    private static String curl(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("curl"));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return out;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
