package io.mpensemble.gateway.program.manager;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.api.records.RecordServiceClient.ListView;
import io.mpensemble.api.records.RecordServiceClient.ManagerView;
import io.mpensemble.gateway.printer.PrinterServiceClient;
import io.mpensemble.gateway.squareworker.SquareWorkerClient;
import tools.jackson.databind.json.JsonMapper;

/** The manager session is closed whatever happens, as leaving Python's {@code with Manager()} block shuts it. */
class ManagerProgramTest {

    private final RecordServiceClient records = mock(RecordServiceClient.class);
    private final SquareWorkerClient inserter = mock(SquareWorkerClient.class);
    private final PrinterServiceClient printer = mock(PrinterServiceClient.class);
    private final ManagerProgram program = new ManagerProgram(records, inserter, printer);

    @Test
    void theSessionIsClosedWhenAStepFails() {
        given(records.createManager(any())).willReturn(new ManagerView("m-1", "later", List.of()));
        given(records.createList(anyString(), any())).willReturn(new ListView("l-1", List.of()));
        given(inserter.insertRecord(any())).willThrow(new ResourceAccessException("square-worker is down"));

        assertThatThrownBy(() -> program.run(null)).isInstanceOf(ResourceAccessException.class);
        verify(records).deleteManager("m-1");
    }

    @Test
    void aRecordThePrinterCouldNotPrintIsRefusedBeforeAnySessionIsOpened() {
        var input = new ManagerInput(List.of(JsonMapper.builder().build().readTree("[\"Sam\"]")), null);
        assertThatThrownBy(() -> program.run(input)).isInstanceOf(EnsembleProblem.class)
                .hasMessageStartingWith("records[0]:");
        verify(records, never()).createManager(any());
    }
}
