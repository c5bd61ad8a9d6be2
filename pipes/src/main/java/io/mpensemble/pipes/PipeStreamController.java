package io.mpensemble.pipes;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * How processes reach the pipe ends each other hosts ({@code /internal/pipes}, in every service): look at an end,
 * stream frames into it, remove it (hosting one is {@link PipeHostingController}). Each request carries the pipe's
 * stream key ({@link Pipes#STREAM_KEY_HEADER}); without the right one the end is not found, and an end of a pipe with
 * both ends in this process is never found here. The stream handler reads its request body only as fast as the end's
 * bounded buffer drains; a slow receiver so holds back its sender through TCP flow control.
 */
@RestController
@RequestMapping(Pipes.INTERNAL_PATH)
public record PipeStreamController(Pipes pipes) {

    /** The end as it is; {@code 409 pipe-closed} once closed, so a sender does not start a stream to it. */
    @GetMapping("/{pipe}/ends/{end}")
    PipeEndView describe(@PathVariable String pipe, @PathVariable int end,
            @RequestHeader(name = Pipes.STREAM_KEY_HEADER, required = false) String key) {
        PipeEnd found = pipes.endForPeer(id(pipe, end), key);
        if (found.closed()) {
            throw PipeProblem.closed(found.id());
        }
        return PipeEndView.of(found);
    }

    /** The other end's sends, as frames ({@link PipeFrames}), for as long as the stream lasts. */
    @PostMapping(path = "/{pipe}/ends/{end}/stream", consumes = "application/octet-stream")
    Map<String, Long> stream(@PathVariable String pipe, @PathVariable int end,
            @RequestHeader(name = Pipes.STREAM_KEY_HEADER, required = false) String key, HttpServletRequest request)
            throws IOException {
        PipeEnd found = pipes.endForPeer(id(pipe, end), key);
        if (found.closed()) {
            throw PipeProblem.closed(found.id());
        }
        return Map.of("messages", found.receiveStream(request.getInputStream()));
    }

    @DeleteMapping("/{pipe}/ends/{end}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String pipe, @PathVariable int end,
            @RequestHeader(name = Pipes.STREAM_KEY_HEADER, required = false) String key) {
        PipeEndId id = id(pipe, end);
        pipes.endForPeer(id, key);
        pipes.remove(id);
    }

    static PipeEndId id(String pipe, int end) {
        Pipes.requireId(pipe);
        if (end != 0 && end != 1) {
            throw PipeProblem.notFound(pipe, end);
        }
        return new PipeEndId(pipe, end);
    }
}
