package io.mpensemble.gateway.pipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.pipes.PipeEnd;
import io.mpensemble.pipes.PipeEndId;
import io.mpensemble.pipes.PipeEndView;
import io.mpensemble.pipes.PipeMessage;
import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.pipes.Pipes;
import io.mpensemble.support.problem.EnsembleProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code multiprocessing.Pipe} for clients outside the ensemble: both ends hosted by this gateway, each reached by its
 * URL. Many messages go in as one streaming NDJSON request body and come out as one streaming NDJSON response, so a
 * client pays one HTTP request for a stream of messages, not one per message; {@code curl} does both.
 */
@RestController
@RequestMapping("/api/pipes")
@Tag(name = "pipes", description = "Pipes (multiprocessing.Pipe): two connected ends; what one sends the other receives")
class PipeController {

    private final Pipes pipes;
    private final PipeMessages messages;

    PipeController(Pipes pipes) {
        this.pipes = pipes;
        this.messages = new PipeMessages(pipes.properties().maxMessageSize().toBytes());
    }

    @Operation(summary = "Pipe(duplex): a new pipe, its two ends here; duplex=false: end 0 receives, end 1 sends")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PipeRequests.Description create(@RequestBody(required = false) PipeRequests.Create body) {
        boolean duplex = body == null || body.duplex() == null || body.duplex();
        List<PipeEnd> ends = pipes.create(duplex);
        return describe(ends.getFirst().id().pipe());
    }

    @Operation(summary = "The pipe and its ends: which send, which receive, which are closed, messages waiting")
    @GetMapping("/{pipe}")
    PipeRequests.Description describe(@PathVariable String pipe) {
        List<PipeEnd> ends = pipes.pipe(pipe);
        return new PipeRequests.Description(pipe, ends.getFirst().readable() && ends.getFirst().writable(),
                ends.stream().map(end -> PipeRequests.End.of(PipeEndView.of(end),
                        "/api/pipes/" + pipe + "/ends/" + end.id().end())).toList());
    }

    @Operation(summary = "Closes both ends and forgets the pipe")
    @DeleteMapping("/{pipe}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String pipe) {
        pipes.delete(pipe);
    }

    @Operation(summary = "send(obj): the body is one JSON message; as application/x-ndjson, one message a line",
            description = "NDJSON is read as it streams in and each line sent in order; a receiver that does not "
                    + "read slows the upload, and a message that finds no room in the other end's buffer within "
                    + "max-timeout (60 s) is the timeout problem. A line that is not JSON, not UTF-8 or over the "
                    + "size limit is a 400 naming it; the lines before it were sent, and the problem says how many.")
    @PostMapping(path = "/{pipe}/ends/{end}/send", consumes = { MediaType.APPLICATION_JSON_VALUE,
            MediaType.APPLICATION_NDJSON_VALUE })
    PipeRequests.Sent send(@PathVariable String pipe, @PathVariable int end, HttpServletRequest request)
            throws IOException {
        PipeEnd conn = end(pipe, end);
        String type = request.getContentType();
        if (type != null && type.startsWith(MediaType.APPLICATION_NDJSON_VALUE)) {
            return new PipeRequests.Sent(sendLines(conn, request.getInputStream()));
        }
        String message = messages.one(request.getInputStream());
        conn.send(message);
        return new PipeRequests.Sent(1);
    }

    private long sendLines(PipeEnd conn, InputStream body) throws IOException {
        NdjsonLines lines = new NdjsonLines(body, messages.maxBytes());
        long sent = 0;
        for (String line = lines.next(sent); line != null; line = lines.next(sent)) {
            if (line.isBlank()) {
                continue;
            }
            String message = messages.line(line, lines.number(), sent);
            try {
                // gathers what has arrived already into one write; flushes when the upload has nothing more ready
                conn.send(PipeMessage.ofJson(message), !lines.ready());
            }
            catch (PipeProblem refused) {
                throw refused.at("line " + lines.number() + " (" + sent + " messages before it were sent)");
            }
            sent++;
        }
        return sent;
    }

    @Operation(summary = "send_bytes(buf): the body, any bytes, is one message")
    @PostMapping(path = "/{pipe}/ends/{end}/send_bytes", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    PipeRequests.Sent sendBytes(@PathVariable String pipe, @PathVariable int end, HttpServletRequest request)
            throws IOException {
        PipeEnd conn = end(pipe, end);
        conn.sendBytes(messages.bytes(request.getInputStream()));
        return new PipeRequests.Sent(1);
    }

    @Operation(summary = "recv(): the next message as the JSON body; EOF problem (410) once the other end closed "
            + "and nothing is left; timeout problem (409) when nothing came within timeout seconds")
    @PostMapping(path = "/{pipe}/ends/{end}/recv", produces = MediaType.APPLICATION_JSON_VALUE)
    void recv(@PathVariable String pipe, @PathVariable int end, @RequestParam(required = false) Double timeout,
            HttpServletResponse response) throws IOException {
        String message = end(pipe, end).recv(seconds(timeout));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }

    @Operation(summary = "recv_bytes(maxlength): the next message's bytes; longer than maxlength (absent: any length, "
            + "0: only an empty message): the bad-message-length problem, and the message stays")
    @PostMapping(path = "/{pipe}/ends/{end}/recv_bytes", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    byte[] recvBytes(@PathVariable String pipe, @PathVariable int end,
            @RequestParam(required = false) Integer maxlength, @RequestParam(required = false) Double timeout) {
        PipeEnd conn = end(pipe, end);
        return maxlength == null ? conn.recvBytes(seconds(timeout)) : conn.recvBytes(maxlength, seconds(timeout));
    }

    @Operation(summary = "Receives up to max messages as NDJSON, one JSON message a line, as they arrive",
            description = "Ends after max messages, at EOF, before a message sent with send_bytes (it stays), or "
                    + "when no message came for timeout seconds (default 0: as soon as none is waiting).")
    @PostMapping(path = "/{pipe}/ends/{end}/recv_stream", produces = MediaType.APPLICATION_NDJSON_VALUE)
    void recvStream(@PathVariable String pipe, @PathVariable int end,
            @RequestParam(defaultValue = "1000000") long max, @RequestParam(required = false) Double timeout,
            HttpServletResponse response) throws IOException {
        if (max < 1) {
            throw EnsembleProblem.invalidField("max", "must be at least 1");
        }
        PipeEnd conn = end(pipe, end);
        Duration wait = timeout == null ? Duration.ZERO : seconds(timeout);
        conn.poll(Duration.ZERO); // a closed or write-only end is refused before the stream starts
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_NDJSON_VALUE);
        OutputStream out = response.getOutputStream();
        for (long count = 0; count < max; count++) {
            String message;
            try {
                message = conn.recv(wait);
            }
            catch (PipeProblem ended) {
                break; // EOF, a broken pipe, the timeout, a bytes message: recv tells which
            }
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            if (!conn.hasMessage()) {
                out.flush();
            }
        }
        out.flush();
    }

    @Operation(summary = "poll(timeout): whether a recv would not wait; timeout in seconds, default 0")
    @GetMapping("/{pipe}/ends/{end}/poll")
    PipeRequests.Ready poll(@PathVariable String pipe, @PathVariable int end,
            @RequestParam(required = false) Double timeout) {
        return new PipeRequests.Ready(end(pipe, end).poll(timeout == null ? Duration.ZERO : seconds(timeout)));
    }

    @Operation(summary = "close(): the other end reads EOF after what was sent; this end refuses everything after")
    @PostMapping("/{pipe}/ends/{end}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(@PathVariable String pipe, @PathVariable int end) {
        end(pipe, end).close();
    }

    private PipeEnd end(String pipe, int end) {
        if (end != 0 && end != 1) {
            throw PipeProblem.notFound(pipe, end);
        }
        return pipes.end(new PipeEndId(pipe, end));
    }

    private Duration seconds(Double seconds) {
        if (seconds == null) {
            return null;
        }
        if (seconds.isNaN() || seconds < 0) {
            throw EnsembleProblem.invalidField("timeout", "must be a non-negative number of seconds");
        }
        long max = pipes.properties().maxTimeout().toSeconds();
        if (seconds > max) {
            throw EnsembleProblem.invalidField("timeout", "at most " + max + " seconds");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
