package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Calls the running ensemble's gateway as a user would, and the tutorial's programs in real Python. */
final class Programs {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int gatewayPort;

    Programs(Ensemble ensemble) {
        this.gatewayPort = ensemble.port("GATEWAY_PORT");
    }

    /** POSTs a program's input ({@code null}: no body) and returns the answer. */
    HttpResponse<String> run(String program, String json) throws IOException, InterruptedException {
        return http.send(post("http://localhost:" + gatewayPort + "/api/programs/" + program, json),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpRequest post(String url, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120));
        if (json == null) {
            return request.POST(HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** The program's answer to this input equals, byte for byte, what real Python prints. */
    void assertPrintsWhatPythonPrints(String program, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = run(program, json);
        assertThat(response.statusCode()).as("%s %s: %s", program, json, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(response.body()).as("%s %s", program, json).isEqualTo(python(program, json));
    }

    /** Without a body the program prints the tutorial's transcript byte for byte. */
    void assertPrintsTheTutorialsTranscript(String program) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                post("http://localhost:" + gatewayPort + "/api/programs/" + program, null),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        try (InputStream transcript = getClass().getResourceAsStream("/transcripts/" + program + ".txt")) {
            assertThat(new String(response.body(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(transcript.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The input is refused with a 400 problem of this type whose text names what is wrong. */
    void assertProblem(String program, String json, String type, String named)
            throws IOException, InterruptedException {
        HttpResponse<String> response = run(program, json);
        assertThat(response.statusCode()).as("%s %s: %s", program, json, response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).as(json).contains("\"type\":\"urn:mp-ensemble:problem:" + type)
                .contains(named);
    }

    /** What the tutorial's program prints in real Python multiprocessing for this input. */
    String python(String program, String json) throws IOException, InterruptedException {
        Path oracle;
        try {
            oracle = Path.of(getClass().getResource("/oracle/programs.py").toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
        Path input = Files.createTempFile("oracle-", ".json");
        Files.writeString(input, json);
        // The JSON goes through a file: a long list is too long for a comfortable command line.
        Process process = new ProcessBuilder("python3", "-c",
                "import sys, runpy; sys.argv = [sys.argv[1], sys.argv[2], open(sys.argv[3]).read()]; "
                        + "runpy.run_path(sys.argv[0], run_name='__main__')",
                oracle.toString(), program, input.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("python3 oracle: %s", output).isZero();
        Files.delete(input);
        return output;
    }
}
