package io.mpensemble.gateway.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.client.ResourceAccessException;

import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.SquareListRequest;
import io.mpensemble.support.python.PyRepr;
import io.mpensemble.gateway.program.isolation.IsolationProgram;
import io.mpensemble.gateway.program.manager.ManagerProgram;
import io.mpensemble.gateway.program.pipe.PipeProgram;
import io.mpensemble.gateway.program.queue.QueueProgram;
import io.mpensemble.gateway.program.sharedmemory.SharedMemoryProgram;
import io.mpensemble.gateway.squareworker.SquareWorkerClient;

/**
 * The gateway's side of the isolation program: what it sends p1, how it prints, and how it answers bad input and a
 * square-worker it cannot reach. square-worker itself is stood in for here; the end-to-end suite runs the real one.
 */
@WebMvcTest(ProgramsController.class)
@Import(IsolationProgram.class)
class ProgramsControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    SquareWorkerClient squareWorker;

    @MockitoBean
    SharedMemoryProgram sharedMemory;

    @MockitoBean
    ManagerProgram manager;

    @MockitoBean
    QueueProgram queue;

    @MockitoBean
    PipeProgram pipe;

    @Test
    void withoutABodyP1GetsTheTutorialsListAndTheMainProgramsResultStaysEmpty() {
        given(squareWorker.squareList(any())).willAnswer(call -> p1(call.getArgument(0)));
        assertThat(mvc.post().uri("/api/programs/isolation"))
                .hasStatusOk()
                .hasContentType("text/plain;charset=UTF-8")
                .hasBodyTextEqualTo("Result(in process p1): [1, 4, 9, 16]\nResult(in main program): []\n");
    }

    @Test
    void anAbsentOrNullListMeansTheTutorialsList() {
        given(squareWorker.squareList(any())).willAnswer(call -> p1(call.getArgument(0)));
        for (String body : List.of("{}", "{\"numbers\": null}")) {
            assertThat(post(body)).hasStatusOk().bodyText().startsWith("Result(in process p1): [1, 4, 9, 16]\n");
        }
    }

    @Test
    void p1sLinesComeFirstThenTheMainPrograms() {
        given(squareWorker.squareList(any())).willReturn(
                new ProcessReport("p1", "square-worker", 42, List.of("first line", "second line")));
        assertThat(post("{\"numbers\": [5]}")).hasStatusOk()
                .hasBodyTextEqualTo("first line\nsecond line\nResult(in main program): []\n");
    }

    @Test
    void moreNumbersThanTheMaximumIsA400NamingTheField() {
        String body = "{\"numbers\": [" + "1,".repeat(SquareListRequest.MAX_NUMBERS) + "1]}";
        assertThat(post(body)).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("numbers");
    }

    @Test
    void anUnreachableSquareWorkerIsA503ProblemNotAnError500() {
        given(squareWorker.squareList(any())).willThrow(new ResourceAccessException("Connection refused"));
        assertThat(post("{\"numbers\": [5]}")).hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.type").isEqualTo("urn:mp-ensemble:problem:service-unavailable");
    }

    @Test
    void aBodyOfAnotherMediaTypeIsA415Problem() {
        assertThat(mvc.post().uri("/api/programs/isolation").contentType(MediaType.TEXT_PLAIN).content("[1]"))
                .hasStatus(415).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MockMvcTester.MockMvcRequestBuilder post(String body) {
        return mvc.post().uri("/api/programs/isolation").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static ProcessReport p1(SquareListRequest request) {
        List<BigInteger> squares = request.numbers().stream().map(n -> n.multiply(n)).toList();
        return new ProcessReport("p1", "square-worker", 42, List.of("Result(in process p1): " + PyRepr.ofInts(squares)));
    }
}
