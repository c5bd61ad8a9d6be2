package io.mpensemble.gateway.program.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpensemble.support.problem.ProblemType;
import io.mpensemble.pipes.HostPipeEnd;
import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.pipes.PipeProperties;
import io.mpensemble.testsupport.BoundProperties;
import io.mpensemble.pipes.Pipes;
import io.mpensemble.gateway.printer.PrinterPipeEnds;
import io.mpensemble.gateway.printer.PrinterServiceClient;

/** The pipe program leaves nothing behind on printer-service when it cannot start. */
class PipeProgramTest {

    private final PrinterServiceClient printer = mock(PrinterServiceClient.class);
    private final PrinterPipeEnds printerPipeEnds = mock(PrinterPipeEnds.class);
    private final Pipes full = new Pipes(BoundProperties.of(PipeProperties.class, "max-ends=0"),
            new SimpleMeterRegistry());
    private final PipeProgram program = new PipeProgram(full, printer, printerPipeEnds,
            URI.create("http://localhost:9"));

    @AfterEach
    void close() {
        full.close();
        program.destroy();
    }

    @Test
    void whenTheGatewayCannotHostItsEndTheEndHostedOnPrinterServiceIsRemoved() {
        assertThatThrownBy(() -> program.run(null)).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.LIMIT_EXCEEDED));
        ArgumentCaptor<HostPipeEnd> hosted = ArgumentCaptor.forClass(HostPipeEnd.class);
        verify(printerPipeEnds).host(hosted.capture());
        verify(printerPipeEnds).remove(hosted.getValue().pipe(), 1, hosted.getValue().streamKey());
        verify(printer, never()).receiveMessages(any());
    }
}
