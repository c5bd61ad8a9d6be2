package io.mpensemble.printerservice.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpensemble.support.problem.ProblemType;
import io.mpensemble.pipes.PipeEnd;
import io.mpensemble.pipes.PipeEndId;
import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.pipes.PipeProperties;
import io.mpensemble.testsupport.BoundProperties;
import io.mpensemble.pipes.Pipes;

/**
 * Tomcat gives up on a request body that stays silent past its connection timeout (here 500 ms, normally 60 s); the
 * pings of an idle pipe stream keep it open. Without them (a ping interval longer than the pause) the same pause breaks
 * the pipe: the test would notice pings that stopped working.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.tomcat.connection-timeout=500ms")
class IdlePipeStreamTest {

    @LocalServerPort
    int port;

    @Autowired
    Pipes printer;

    @ParameterizedTest(name = "ping every {0} ms")
    @ValueSource(longs = { 100, 60_000 })
    void anIdleStreamStaysOpenOnlyThanksToItsPings(long pingMillis) throws Exception {
        PipeProperties properties = BoundProperties.of(PipeProperties.class, "ping-interval=" + pingMillis + "ms",
                "max-ends=100");
        try (Pipes sender = new Pipes(properties, new SimpleMeterRegistry())) {
            String pipe = Pipes.newId();
            String key = Pipes.newStreamKey();
            PipeEnd far = printer.host(new PipeEndId(pipe, 1), true, URI.create("http://localhost:9"), key);
            PipeEnd near = sender.host(new PipeEndId(pipe, 0), true, URI.create("http://localhost:" + port), key);
            near.send("1");
            assertThat(far.recv(Duration.ofSeconds(5))).isEqualTo("1");
            Thread.sleep(2_000); // four times Tomcat's timeout
            if (pingMillis < 500) {
                near.send("2");
                assertThat(far.recv(Duration.ofSeconds(5))).isEqualTo("2");
            }
            else {
                assertThatThrownBy(() -> far.recv(Duration.ofSeconds(5))).isInstanceOfSatisfying(PipeProblem.class,
                        p -> assertThat(p.type()).isEqualTo(ProblemType.BROKEN_PIPE));
            }
            printer.remove(far.id());
        }
    }
}
