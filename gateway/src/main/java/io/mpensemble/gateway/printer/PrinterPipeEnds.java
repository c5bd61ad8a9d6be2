package io.mpensemble.gateway.printer;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.mpensemble.pipes.HostPipeEnd;
import io.mpensemble.pipes.PipeEndView;
import io.mpensemble.pipes.Pipes;

/** printer-service's pipe ends ({@code /internal/pipes}, which every service has), as the gateway asks for them. */
@HttpExchange(url = Pipes.INTERNAL_PATH, accept = "application/json", contentType = "application/json")
public interface PrinterPipeEnds {

    /** printer-service hosts one end of a pipe whose other end is in this gateway. */
    @PostExchange("/ends")
    PipeEndView host(@RequestBody HostPipeEnd request);

    @DeleteExchange("/{pipe}/ends/{end}")
    void remove(@PathVariable String pipe, @PathVariable int end,
            @RequestHeader(Pipes.STREAM_KEY_HEADER) String streamKey);
}
