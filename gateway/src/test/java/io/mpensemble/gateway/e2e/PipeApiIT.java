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
    static String printer;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void ensemble() throws Exception {
        gateway = "http://localhost:" + Ensemble.shared().port("GATEWAY_PORT");
        printer = "http://localhost:" + Ensemble.shared().port("PRINTER_SERVICE_PORT");
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

    /**
     * A sending process that is killed mid-stream: curl streams frames into an end printer-service hosts, then gets
     * SIGKILL. printer-service's end reads what arrived, then a broken pipe, at once.
     */
    @Test
    void whenTheSendingProcessIsKilledMidStreamTheReceivingEndIsBrokenAtOnce() throws Exception {
        String pipe = "pipe-killed-" + System.nanoTime();
        String key = "k".repeat(22);
        HttpResponse<String> hosted = http.send(HttpRequest.newBuilder(URI.create(printer + "/internal/pipes/ends"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"pipe\": \"" + pipe + "\", \"end\": 1, \"duplex\": true, \"peerUrl\": \"http://localhost:9\", "
                                + "\"streamKey\": \"" + key + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hosted.statusCode()).as(hosted.body()).isEqualTo(201);
        String end = printer + "/internal/pipes/" + pipe + "/ends/1";
        double broken = printerMetric("mp_ensemble_pipe_broken_total");

        Process sender = new ProcessBuilder("curl", "-s", "-X", "POST", "-H", "Content-Type: application/octet-stream",
                "-H", "Pipe-Stream-Key: " + key, "-T", "-", end + "/stream").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            sender.getOutputStream().write(new byte[] { 'J', 0, 0, 0, 1, '1', 'J', 0, 0, 0, 1, '2' });
            sender.getOutputStream().flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!get(end, key).contains("\"buffered\":2") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(get(end, key)).as("the two messages crossed").contains("\"buffered\":2");
            assertThat(printerMetric("mp_ensemble_pipe_broken_total")).isEqualTo(broken);

            long killed = System.nanoTime();
            sender.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (printerMetric("mp_ensemble_pipe_broken_total") == broken && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(printerMetric("mp_ensemble_pipe_broken_total")).isEqualTo(broken + 1);
            System.out.printf("printer-service saw the broken pipe within %d ms of the sender's SIGKILL%n",
                    (System.nanoTime() - killed) / 1_000_000);
        }
        finally {
            sender.destroyForcibly();
            http.send(HttpRequest.newBuilder(URI.create(end)).header("Pipe-Stream-Key", key).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String get(String url, String streamKey) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Pipe-Stream-Key", streamKey).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private double printerMetric(String name) throws IOException, InterruptedException {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{application=\"printer-service\"} (\\S+)$")
                .matcher(get(printer + "/actuator/prometheus"));
        assertThat(value.find()).as(name).isTrue();
        return Double.parseDouble(value.group(1));
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
