package io.mpensemble.printerservice.pipe;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.pipes.PipeEndId;
import io.mpensemble.pipes.Pipes;
import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.ReceiveMessagesRequest;
import io.mpensemble.support.programs.ProcessReporter;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Plays process p2 of the pipe program on a pipe end this process hosts (see {@code /internal/pipes/ends}): receives
 * until "END" or EOF, answers with what it printed, and gives the end up.
 */
@RestController
@RequestMapping("/api/pipe")
record MessageReceiverController(Pipes pipes, ProcessReporter reports) {

    private static final MessageReceiver RECEIVER = new MessageReceiver();

    @Operation(summary = "Run receiver(conn) as process p2 on a pipe end hosted here")
    @PostMapping("/receive")
    ProcessReport receive(@Valid @RequestBody ReceiveMessagesRequest request) {
        PipeEndId id = new PipeEndId(request.pipe(), request.end());
        try {
            return reports.report("p2", RECEIVER.receive(pipes.end(id), pipes.properties().maxTimeout()));
        }
        finally {
            pipes.remove(id);
        }
    }
}
