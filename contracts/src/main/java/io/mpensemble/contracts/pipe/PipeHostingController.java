package io.mpensemble.contracts.pipe;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/pipes/ends}: another process asks this one to host a pipe end whose peer is at the URL it
 * gives. This process then connects to that URL, so the endpoint is for services on the ensemble's own network only;
 * a service reachable from outside (the gateway) turns it off with {@code mp-ensemble.pipes.hosting=false}.
 */
@RestController
@RequestMapping(Pipes.INTERNAL_PATH)
public class PipeHostingController {

    private final Pipes pipes;

    public PipeHostingController(Pipes pipes) {
        this.pipes = pipes;
    }

    @PostMapping("/ends")
    @ResponseStatus(HttpStatus.CREATED)
    PipeEndView host(@Valid @RequestBody HostPipeEnd request) {
        return PipeEndView.of(pipes.host(new PipeEndId(request.pipe(), request.end()), request.duplex(),
                URI.create(request.peerUrl()), request.streamKey()));
    }
}
