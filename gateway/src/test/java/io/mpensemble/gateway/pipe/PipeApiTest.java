package io.mpensemble.gateway.pipe;

import static io.mpensemble.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mpensemble.gateway.GatewayWithoutBroker;
import io.mpensemble.testsupport.LocalHttp;

/** The public pipe API over real HTTP, as curl uses it: JSON and NDJSON in, JSON, bytes and NDJSON out, problems. */
@GatewayWithoutBroker
class PipeApiTest {

    @Autowired
    LocalHttp http;

    @Test
    void ndjsonStreamsInAtOneEndAndOutAtTheOtherInOrder() throws Exception {
        String pipe = create("{\"duplex\": true}");
        int n = 20_000;
        String lines = IntStream.range(0, n).mapToObj(i -> "{\"i\":" + i + ",\"s\":\"é\\n\\\"" + i + "\"}")
                .collect(Collectors.joining("\n", "", "\n"));
        CompletableFuture<HttpResponse<String>> out = http.callAsync(
                http.postRequest(pipe + "/ends/1/recv_stream?max=" + n + "&timeout=10", null, null));
        HttpResponse<String> in = http.send(http.postRequest(pipe + "/ends/0/send", "application/x-ndjson", lines),
                HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        assertThat(in.body()).isEqualTo("{\"sent\":" + n + "}");
        HttpResponse<String> received = out.get();
        assertThat(received.statusCode()).isEqualTo(200);
        assertThat(received.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(received.body()).isEqualTo(lines);
    }

    @Test
    void oneMessageAtATime_thenEofOnceTheOtherEndClosed() throws Exception {
        String pipe = create(null);
        assertThat(http.post(pipe + "/ends/0/send", "application/json", "{\"a\": [1.0, 10000000000000000000000, null]}")
                .body()).isEqualTo("{\"sent\":1}");
        assertThat(http.get(pipe + "/ends/1/poll").body()).isEqualTo("{\"ready\":true}");
        HttpResponse<String> recv = http.post(pipe + "/ends/1/recv", null, null);
        assertThat(recv.statusCode()).isEqualTo(200);
        assertThat(recv.body()).isEqualTo("{\"a\":[1.0,10000000000000000000000,null]}");
        // and back: duplex
        http.post(pipe + "/ends/1/send", "application/json", "\"back\"");
        assertThat(http.post(pipe + "/ends/0/recv?timeout=1", null, null).body()).isEqualTo("\"back\"");

        assertThat(http.post(pipe + "/ends/0/close", null, null).statusCode()).isEqualTo(204);
        assertProblem(http.post(pipe + "/ends/1/recv?timeout=1", null, null), 410, "eof", "other end was closed");
        assertProblem(http.post(pipe + "/ends/0/send", "application/json", "1"), 409, "pipe-closed",
                "handle is closed");
        assertThat(http.get(pipe).body()).contains("\"closed\":true");
        assertThat(http.delete(pipe).statusCode()).isEqualTo(204);
        assertProblem(http.get(pipe), 404, "not-found", pipe.substring(pipe.lastIndexOf('/') + 1));
    }

    @Test
    void aOneWayPipeRefusesSendOnItsReadEndAndRecvOnItsWriteEnd() throws Exception {
        String pipe = create("{\"duplex\": false}");
        assertThat(http.get(pipe).body()).contains("\"duplex\":false");
        assertProblem(http.post(pipe + "/ends/0/send", "application/json", "1"), 400, "read-only", "read-only");
        assertProblem(http.post(pipe + "/ends/1/recv", null, null), 400, "write-only", "write-only");
        http.post(pipe + "/ends/1/send", "application/json", "1");
        assertThat(http.post(pipe + "/ends/0/recv", null, null).body()).isEqualTo("1");
    }

    @Test
    void recvBytesRefusesALongerMessageWhichStaysForALargerMaxlength() throws Exception {
        String pipe = create(null);
        HttpResponse<String> sent = http.send(http.request(pipe + "/ends/0/send_bytes")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 0, 1, 2, (byte) 255 })).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertProblem(http.post(pipe + "/ends/1/recv_bytes?maxlength=3", null, null), 400, "bad-message-length",
                "maxlength 3");
        assertProblem(http.post(pipe + "/ends/1/recv", null, null), 409, "unpickling-error", "send_bytes");
        HttpResponse<byte[]> bytes = http.send(http.postRequest(pipe + "/ends/1/recv_bytes?maxlength=4", null, null),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).containsExactly(0, 1, 2, 255);
    }

    @Test
    void recvBytesWithMaxlengthZeroTakesOnlyAnEmptyMessage_aNegativeMaxlengthIsA400() throws Exception {
        String pipe = create(null);
        HttpResponse<String> sent = http.send(http.request(pipe + "/ends/0/send_bytes")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 42 })).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertProblem(http.post(pipe + "/ends/1/recv_bytes?maxlength=0", null, null), 400, "bad-message-length",
                "maxlength 0");
        assertProblem(http.post(pipe + "/ends/1/recv_bytes?maxlength=-1", null, null), 400, "invalid-field",
                "maxlength");
        HttpResponse<byte[]> any = http.send(http.postRequest(pipe + "/ends/1/recv_bytes", null, null),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(any.statusCode()).isEqualTo(200);
        assertThat(any.body()).as("without maxlength: any length").containsExactly(42);
    }

    @Test
    void badInputIsA4xxProblemNamingWhatIsWrong() throws Exception {
        String pipe = create(null);
        assertProblem(http.post(pipe + "/ends/0/send", "application/json", "{\"a\": "), 400, "invalid-field",
                "body");
        assertProblem(http.post(pipe + "/ends/0/send", "application/json", "1 2"), 400, "invalid-field", "body");
        assertProblem(http.post(pipe + "/ends/0/send", "application/x-ndjson", "1\n2\n{oops\n4\n"), 400,
                "invalid-field", "line 3");
        assertThat(http.post(pipe + "/ends/1/recv_stream", null, null).body()).as("the two lines before it")
                .isEqualTo("1\n2\n");
        assertProblem(http.post(pipe + "/ends/1/recv?timeout=-1", null, null), 400, "invalid-field", "timeout");
        assertProblem(http.post(pipe + "/ends/1/recv?timeout=0.1", null, null), 409, "timeout", "within");
        assertProblem(http.post(pipe + "/ends/2/recv", null, null), 404, "not-found", "end 2");
        assertProblem(http.post("/api/pipes/nope/ends/0/recv", null, null), 404, "not-found", "nope");
        assertProblem(http.post("/api/pipes", "application/json", "{\"duplex\": \"yes\"}"), 400, "invalid-body",
                "duplex");
    }

    /**
     * A line longer than the message size limit is refused once the limit is read, not after the whole line is in
     * memory: a line without end cannot exhaust the heap. The lines before it stay sent.
     */
    @Test
    void anNdjsonLineOverTheSizeLimitIsA400NamingItAfterABoundedRead() throws Exception {
        String pipe = create(null);
        byte[] head = "\"first\"\n\"".getBytes(StandardCharsets.UTF_8);
        long lineBytes = 20L * 1024 * 1024;
        long[] uploaded = new long[1];
        java.io.InputStream body = new java.io.InputStream() {

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                long at = uploaded[0];
                if (at >= head.length + lineBytes) {
                    return -1;
                }
                int n = (int) Math.min(len, head.length + lineBytes - at);
                for (int i = 0; i < n; i++) {
                    b[off + i] = at + i < head.length ? head[(int) (at + i)] : (byte) 'x';
                }
                uploaded[0] += n;
                return n;
            }
        };
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(http.request(pipe + "/ends/0/send")
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("20 MB NDJSON line refused in %d ms after %d MB uploaded%n", millis,
                uploaded[0] / 1_000_000);
        assertProblem(response, 400, "limit-exceeded", "line 2");
        assertThat(response.body()).contains("1 messages before it were sent");
        assertThat(millis).isLessThan(10_000);
        assertThat(http.post(pipe + "/ends/1/recv_stream", null, null).body()).as("the line before it")
                .isEqualTo("\"first\"\n");
    }

    @Test
    void anNdjsonLineThatIsNotUtf8IsA400NamingIt_asAJsonBodyIs() throws Exception {
        String pipe = create(null);
        byte[] bad = { '"', 'o', 'k', '"', '\n', '"', (byte) 0xc3, '(', '"', '\n', '"', 'n', 'o', '"', '\n' };
        HttpResponse<String> response = http.send(http.request(pipe + "/ends/0/send")
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(bad))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 400, "invalid-field", "line 2");
        assertThat(response.body()).contains("UTF-8");
        HttpResponse<String> json = http.send(http.request(pipe + "/ends/0/send")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(java.util.Arrays.copyOfRange(bad, 5, 9))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(json, 400, "invalid-field", "body");
        assertThat(http.post(pipe + "/ends/1/recv_stream", null, null).body()).as("only the line before it")
                .isEqualTo("\"ok\"\n");
    }

    @Test
    void metricsCountEachEndAndTheAggregatesAlwaysExist() throws Exception {
        String pipe = create(null);
        String id = pipe.substring(pipe.lastIndexOf('/') + 1);
        http.post(pipe + "/ends/0/send", "application/json", "\"abc\"");
        http.post(pipe + "/ends/1/recv", null, null);
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics).contains("mp_ensemble_pipe_open{application=\"gateway\"}",
                "mp_ensemble_pipe_eofs_total{application=\"gateway\"}",
                "mp_ensemble_pipe_broken_total{application=\"gateway\"}");
        assertThat(metrics).containsPattern("mp_ensemble_pipe_messages_sent_total\\{[^}]*end=\"0\",pipe=\"" + id
                + "\"} 1.0");
        assertThat(metrics).containsPattern("mp_ensemble_pipe_bytes_received_total\\{[^}]*end=\"1\",pipe=\"" + id
                + "\"} 5.0");
        http.delete(pipe);
        assertThat(http.get("/actuator/prometheus").body()).doesNotContain(id);
    }

    @Test
    void noClientCanMakeTheGatewayHostAnEndThatConnectsToAUrlItNames() throws Exception {
        HttpResponse<String> host = http.post("/internal/pipes/ends", "application/json",
                "{\"pipe\": \"p1\", \"end\": 1, \"duplex\": true, \"peerUrl\": \"http://169.254.169.254\"}");
        assertThat(host.statusCode()).as(host.body()).isIn(404, 405);
        assertThat(http.get("/internal/pipes/p1/ends/1").statusCode()).isEqualTo(404);
    }

    /**
     * The ends of a pipe the API created live both here: no other process streams into them, so /internal/pipes
     * finds neither, with or without a stream key, and a forged message or close never reaches them.
     */
    @Test
    void noClientCanStreamIntoLookAtOrRemoveAnEndOfAnApiPipe() throws Exception {
        String pipe = create(null);
        String internal = pipe.replace("/api/", "/internal/");
        byte[] forged = { 'J', 0, 0, 0, 8, '"', 'f', 'o', 'r', 'g', 'e', 'd', '"', 'C', 0, 0, 0, 0 };
        for (String key : java.util.Arrays.asList(null, "", "k".repeat(22))) {
            for (int end = 0; end < 2; end++) {
                HttpRequest.Builder stream = http.request(internal + "/ends/" + end + "/stream")
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(forged));
                HttpRequest.Builder look = http.request(internal + "/ends/" + end);
                HttpRequest.Builder remove = http.request(internal + "/ends/" + end).DELETE();
                for (HttpRequest.Builder request : List.of(stream, look, remove)) {
                    if (key != null) {
                        request.header("Pipe-Stream-Key", key);
                    }
                    assertProblem(http.call(request.build()), 404, "not-found", "end " + end);
                }
            }
        }
        assertProblem(http.post(pipe + "/ends/1/recv?timeout=0.2", null, null), 409, "timeout", "within");
        assertThat(http.post(pipe + "/ends/1/send", "application/json", "\"real\"").body()).isEqualTo("{\"sent\":1}");
        assertThat(http.post(pipe + "/ends/0/recv?timeout=1", null, null).body()).isEqualTo("\"real\"");
        assertThat(http.get(pipe).body()).doesNotContain("\"closed\":true");
    }

    @Test
    void nothingAClientSendsYieldsAServerError() throws Exception {
        String deep = "[".repeat(3000) + "]".repeat(3000);
        List<String> bodies = List.of("", " ", "\n\n", "null", "{", "1 2", deep, "\"\\ud800\"", "1e400", "\u0000",
                "\uFEFF{}", "{\"duplex\": null}", "{\"duplex\": 1}", "{\"x\": 1}", "9".repeat(5000));
        List<String> types = java.util.Arrays.asList(null, "application/json", "application/x-ndjson",
                "application/octet-stream", "text/plain");
        String pipe = create(null);
        String oneWay = create("{\"duplex\": false}");
        List<String> paths = List.of("/api/pipes", pipe + "/ends/0/send", pipe + "/ends/1/send_bytes",
                pipe + "/ends/1/recv?timeout=0", pipe + "/ends/0/recv_bytes?maxlength=1&timeout=0",
                pipe + "/ends/0/recv_stream?max=2", oneWay + "/ends/0/send", oneWay + "/ends/1/recv_stream",
                pipe + "/ends/9/recv", pipe + "/ends/x/recv", "/api/pipes/%2e%2e/ends/0/send",
                "/api/pipes/" + "p".repeat(300) + "/ends/0/recv", pipe + "/ends/0/recv?timeout=1e400",
                pipe + "/ends/0/recv?timeout=NaN", pipe + "/ends/0/recv_bytes?maxlength=99999999999",
                pipe + "/ends/0/recv_stream?max=-1", "/internal/pipes/ends", pipe.replace("/api/", "/internal/")
                        + "/ends/0/stream");
        for (String path : paths) {
            for (String type : types) {
                for (String body : bodies) {
                    HttpResponse<String> response = http.post(path, type, body);
                    assertThat(response.statusCode()).as("%s %s %s: %s", path, type, body, response.body())
                            .isLessThan(500);
                    if (response.statusCode() >= 400) {
                        assertThat(response.headers().firstValue("Content-Type")).as(path)
                                .hasValue("application/problem+json");
                    }
                }
            }
        }
        for (String path : List.of(pipe, pipe + "/ends/0/poll?timeout=-1", pipe + "/ends/0/poll?timeout=x",
                "/api/pipes/nope", "/internal/pipes/nope/ends/0", "/internal/pipes/nope/ends/7")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as("%s: %s", path, response.body()).isLessThan(500);
        }
    }

    private String create(String body) throws Exception {
        HttpResponse<String> created = http.post("/api/pipes", body == null ? null : "application/json", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
        assertThat(id.find()).isTrue();
        assertThat(created.body()).contains("\"url\":\"/api/pipes/" + id.group(1) + "/ends/1\"");
        return "/api/pipes/" + id.group(1);
    }
}
