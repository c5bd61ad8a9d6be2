package io.mpensemble.gateway.program.sharedmemory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.api.records.RecordServiceClient.ArrayView;
import io.mpensemble.api.records.RecordServiceClient.ValueView;
import io.mpensemble.gateway.squareworker.SquareWorkerClient;

/** The program's shared memory is freed whatever happens to p1. */
class SharedMemoryProgramTest {

    private final RecordServiceClient records = mock(RecordServiceClient.class);
    private final SquareWorkerClient squareWorker = mock(SquareWorkerClient.class);
    private final SharedMemoryProgram program = new SharedMemoryProgram(records, squareWorker);

    @Test
    void theArrayAndTheValueAreFreedWhenP1Fails() {
        given(records.createArray(any())).willReturn(new ArrayView("a-1", "i", 4, List.of()));
        given(records.createValue(any())).willReturn(new ValueView("v-1", "i", null));
        given(squareWorker.squareListInSharedMemory(any())).willThrow(new ResourceAccessException("down"));

        assertThatThrownBy(() -> program.run(null)).isInstanceOf(ResourceAccessException.class);
        verify(records).deleteArray("a-1");
        verify(records).deleteValue("v-1");
    }

    @Test
    void anUnknownTypecodeIsRefusedBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> program.run(new SharedMemoryInput(null, "x")))
                .isInstanceOf(EnsembleProblem.class).hasMessageStartingWith("typecode:");
        verify(records, never()).createArray(any());
    }
}
