package io.mpensemble.gateway.program.pipe;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

import io.mpensemble.pipes.HostPipeEnd;
import io.mpensemble.pipes.PipeEnd;
import io.mpensemble.pipes.PipeEndId;
import io.mpensemble.pipes.PipeMessage;
import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.pipes.Pipes;
import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.ReceiveMessagesRequest;
import io.mpensemble.support.python.PyRepr;
import io.mpensemble.gateway.printer.PrinterPipeEnds;
import io.mpensemble.gateway.printer.PrinterServiceClient;
import io.mpensemble.gateway.program.Transcript;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/**
 * The tutorial's fifth program: the sender (this gateway, p1) sends each message over a pipe straight to the receiver
 * (printer-service, p2), which prints each until "END" or EOF. The messages go over one HTTP stream from the gateway to
 * printer-service: no broker between.
 *
 * <pre>
 * parent_conn, child_conn = multiprocessing.Pipe()
 * p1 = multiprocessing.Process(target=sender, args=(parent_conn, msgs))    # send each, print "Sent the message: ..."
 * p2 = multiprocessing.Process(target=receiver, args=(child_conn,))        # recv until "END", print "Received ..."
 * </pre>
 *
 * The reply is the sender's lines, then the receiver's, as the oracle prints them.
 */
@Component
public class PipeProgram implements DisposableBean {

    public static final int MAX_MESSAGES = 10_000;

    /** All messages' JSON together: enough for several 1 MiB messages, bounded so one request cannot flood memory. */
    public static final int MAX_TOTAL_BYTES = 8 * 1024 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A float too large for a double ({@code 1e400}) is Python's {@code inf}: written as the bare {@code Infinity}
     * the receiver reads back as a float, not as the string {@code "Infinity"} Jackson writes by default.
     */
    private static final JsonMapper WRITER = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    public static final List<JsonNode> TUTORIAL_MESSAGES = List.of(NODES.stringNode("hello"),
            NODES.stringNode("hey"), NODES.stringNode("hru?"), NODES.stringNode("END"));

    private final Pipes pipes;
    private final PrinterServiceClient printer;
    private final PrinterPipeEnds printerPipeEnds;
    private final URI printerUrl;
    private final String advertisedUrl;
    private final ExecutorService receivers = Executors.newVirtualThreadPerTaskExecutor();

    public PipeProgram(Pipes pipes, PrinterServiceClient printer, PrinterPipeEnds printerPipeEnds,
            @Value("${spring.http.serviceclient.printer-service.base-url}") URI printerUrl) {
        this.pipes = pipes;
        this.printer = printer;
        this.printerPipeEnds = printerPipeEnds;
        this.printerUrl = printerUrl;
        this.advertisedUrl = pipes.properties().advertisedUrl();
    }

    public String run(PipeInput input) {
        List<JsonNode> messages = input == null || input.messages() == null ? TUTORIAL_MESSAGES : input.messages();
        List<String> texts = texts(messages);

        String pipe = Pipes.newId();
        // only printer-service and this gateway know it: nobody else can reach either end of the pipe
        String streamKey = Pipes.newStreamKey();
        // p2's end first, so that the stream p1 opens finds it
        printerPipeEnds.host(new HostPipeEnd(pipe, 1, true, advertisedUrl, streamKey));
        PipeEnd conn;
        try {
            conn = pipes.host(new PipeEndId(pipe, 0), true, printerUrl, streamKey);
        }
        catch (RuntimeException cannotHost) {
            removePrinterEnd(pipe, streamKey);
            throw cannotHost;
        }
        CompletableFuture<ProcessReport> receiver = CompletableFuture.supplyAsync(
                () -> printer.receiveMessages(new ReceiveMessagesRequest(pipe, 1)), receivers);
        try {
            Transcript transcript = new Transcript();
            for (int i = 0; i < texts.size(); i++) {
                conn.send(PipeMessage.ofJson(texts.get(i)), i == texts.size() - 1);
                transcript.print("Sent the message: " + PyRepr.str(messages.get(i)));
            }
            conn.close();
            return transcript.print(receiver.get()).toString();
        }
        catch (PipeProblem broken) {
            throw new ResourceAccessException("printer-service, the receiver: " + broken.getMessage());
        }
        catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException(failed.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ResourceAccessException("interrupted while the receiver ran");
        }
        finally {
            pipes.remove(conn.id());
            if (!receiver.isDone() || receiver.isCompletedExceptionally()) {
                receiver.cancel(true);
                removePrinterEnd(pipe, streamKey);
            }
        }
    }

    private void removePrinterEnd(String pipe, String streamKey) {
        try {
            printerPipeEnds.remove(pipe, 1, streamKey);
        }
        catch (RestClientException gone) {
            // the receiver gave its end up already, or printer-service is down
        }
    }

    /** Each message's JSON text, within the documented limits. */
    private static List<String> texts(List<JsonNode> messages) {
        List<String> texts = new ArrayList<>(messages.size());
        long total = 0;
        for (JsonNode message : messages) {
            String text = WRITER.writeValueAsString(message == null ? NullNode.getInstance() : message);
            total += text.getBytes(StandardCharsets.UTF_8).length;
            if (total > MAX_TOTAL_BYTES) {
                throw EnsembleProblem.invalidField("messages", "at most " + MAX_TOTAL_BYTES + " bytes of JSON in all");
            }
            texts.add(text);
        }
        return texts;
    }

    @Override
    public void destroy() {
        receivers.shutdownNow();
    }
}
