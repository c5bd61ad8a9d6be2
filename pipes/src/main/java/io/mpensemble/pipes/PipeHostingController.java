package io.mpensemble.pipes;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.support.problem.EnsembleProblem;

/**
 * {@code POST /internal/pipes/ends}: another process asks this one to host a pipe end whose peer is at the URL it
 * gives. This process then connects to that URL, so the endpoint is for services on the ensemble's own network only;
 * a service reachable from outside (the gateway) turns it off with {@code mp-ensemble.pipes.hosting=false}.
 */
@RestController
@RequestMapping(Pipes.INTERNAL_PATH)
public record PipeHostingController(Pipes pipes) {

    @PostMapping("/ends")
    @ResponseStatus(HttpStatus.CREATED)
    PipeEndView host(@Valid @RequestBody HostPipeEnd request) {
        return PipeEndView.of(pipes.host(new PipeEndId(request.pipe(), request.end()), request.duplex(),
                baseUrl(request.peerUrl()), request.streamKey()));
    }

    /** An http(s) URL with a host and no query or fragment, under which the peer's end path is appended. */
    private static URI baseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            throw EnsembleProblem.invalidField("peerUrl", "not a URL: " + ex.getMessage());
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getPort() > 65535) {
            throw EnsembleProblem.invalidField("peerUrl", "a base URL is http(s)://host[:port][/path], without query or "
                    + "fragment, not " + url);
        }
        return uri;
    }
}
