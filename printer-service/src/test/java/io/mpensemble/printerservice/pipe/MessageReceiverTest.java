package io.mpensemble.printerservice.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpensemble.support.problem.ProblemType;
import io.mpensemble.pipes.PipeEnd;
import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.pipes.PipeProperties;
import io.mpensemble.testsupport.BoundProperties;
import io.mpensemble.pipes.Pipes;

class MessageReceiverTest {

    private final Pipes pipes = new Pipes(BoundProperties.of(PipeProperties.class), new SimpleMeterRegistry());

    @AfterEach
    void close() {
        pipes.close();
    }

    @Test
    void printsEachMessageAsPythonsStrUntilEnd_andReadsWhatFollowsWithoutPrintingIt() throws Exception {
        List<PipeEnd> pipe = pipes.create(true);
        CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(
                () -> new MessageReceiver().receive(pipe.get(1), Duration.ofSeconds(5)));
        for (String message : List.of("\"hello\"", "1", "1.0", "null", "true", "[1, \"x\"]", "{\"a\": \"b'\"}",
                "\"line\\nbreak\"", "\"END\"", "\"after\"")) {
            pipe.get(0).send(message);
        }
        pipe.get(0).close();
        assertThat(received.get()).containsExactly("Received the message: hello", "Received the message: 1",
                "Received the message: 1.0", "Received the message: None", "Received the message: True",
                "Received the message: [1, 'x']", "Received the message: {'a': \"b'\"}",
                "Received the message: line\nbreak");
    }

    @Test
    void pythonsInfAndNanArriveAsFloats() {
        List<PipeEnd> pipe = pipes.create(true);
        pipe.get(0).send("Infinity");
        pipe.get(0).send("[-Infinity, NaN]");
        pipe.get(0).close();
        assertThat(new MessageReceiver().receive(pipe.get(1), Duration.ofSeconds(5)))
                .containsExactly("Received the message: inf", "Received the message: [-inf, nan]");
    }

    @Test
    void eofWithoutEndEndsTheReceiverToo() {
        List<PipeEnd> pipe = pipes.create(true);
        pipe.get(0).send("\"hi\"");
        pipe.get(0).send("[\"END\"]");
        pipe.get(0).close();
        assertThat(new MessageReceiver().receive(pipe.get(1), Duration.ofSeconds(5)))
                .containsExactly("Received the message: hi", "Received the message: ['END']");
    }

    @Test
    void aSenderThatNeverClosesNorSendsIsATimeoutProblem() {
        List<PipeEnd> pipe = pipes.create(true);
        assertThatThrownBy(() -> new MessageReceiver().receive(pipe.get(1), Duration.ofMillis(100)))
                .isInstanceOfSatisfying(PipeProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.TIMEOUT));
    }
}
