package io.mpensemble.gateway.program.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import io.mpensemble.pipes.HostPipeEnd;
import io.mpensemble.pipes.PipeEnd;
import io.mpensemble.pipes.PipeEndId;
import io.mpensemble.pipes.PipeEndView;
import io.mpensemble.pipes.Pipes;
import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.ReceiveMessagesRequest;
import io.mpensemble.gateway.printer.PrinterPipeEnds;
import io.mpensemble.gateway.printer.PrinterServiceClient;

/**
 * The pipe program's ends are reached only with the stream key the gateway made for the run. printer-service is
 * stood in for by this gateway itself (its address is the gateway's): the receiver's end is hosted here as
 * printer-service would host it, and while the program runs a client without the key tries to reach both ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PipeProgramStreamKeyTest {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.http.serviceclient.printer-service.base-url", () -> "http://localhost:" + PORT);
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + freePort());
    }

    @MockitoBean
    PrinterPipeEnds printerPipeEnds;

    @MockitoBean
    PrinterServiceClient printer;

    @Autowired
    PipeProgram program;

    @Autowired
    Pipes pipes;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClientWithoutTheKeyReachesNeitherEndAndTheProgramStillPrintsTheTranscript() {
        List<HostPipeEnd> hosted = new ArrayList<>();
        given(printerPipeEnds.host(any())).willAnswer(call -> {
            HostPipeEnd request = call.getArgument(0);
            hosted.add(request);
            return PipeEndView.of(pipes.host(new PipeEndId(request.pipe(), request.end()), request.duplex(),
                    URI.create(request.peerUrl()), request.streamKey()));
        });
        List<String> forgeries = new ArrayList<>();
        given(printer.receiveMessages(any())).willAnswer(call -> {
            ReceiveMessagesRequest request = call.getArgument(0);
            for (int end = 0; end < 2; end++) {
                for (String key : Arrays.asList(null, Pipes.newStreamKey())) {
                    forgeries.add(forge(request.pipe(), end, key));
                }
            }
            PipeEnd conn = pipes.end(new PipeEndId(request.pipe(), request.end()));
            List<String> lines = new ArrayList<>();
            for (String message = conn.recv(Duration.ofSeconds(5)); !message.equals("\"END\"");
                    message = conn.recv(Duration.ofSeconds(5))) {
                lines.add("Received the message: " + message.replace("\"", ""));
            }
            pipes.remove(conn.id());
            return new ProcessReport("p2", "printer-service", 1, lines);
        });

        assertThat(program.run(null)).isEqualTo("""
                Sent the message: hello
                Sent the message: hey
                Sent the message: hru?
                Sent the message: END
                Received the message: hello
                Received the message: hey
                Received the message: hru?
                """);
        assertThat(hosted).singleElement().satisfies(
                request -> assertThat(request.streamKey()).matches("[A-Za-z0-9_-]{22}"));
        assertThat(forgeries).hasSize(4).allSatisfy(status -> assertThat(status).startsWith("404 "));
    }

    /** A forged message and close streamed to the end: the status and what the gateway answered. */
    private String forge(String pipe, int end, String key) throws IOException, InterruptedException {
        byte[] frames = { 'J', 0, 0, 0, 8, '"', 'f', 'o', 'r', 'g', 'e', 'd', '"', 'C', 0, 0, 0, 0 };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT
                + "/internal/pipes/" + pipe + "/ends/" + end + "/stream"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(frames));
        if (key != null) {
            request.header(Pipes.STREAM_KEY_HEADER, key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
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
