package io.mpensemble.printerservice.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpensemble.support.problem.ProblemType;
import io.mpensemble.pipes.PipeEnd;
import io.mpensemble.pipes.PipeEndId;
import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.pipes.PipeProperties;
import io.mpensemble.testsupport.BoundProperties;
import io.mpensemble.pipes.Pipes;
import io.mpensemble.printerservice.PrinterServiceApplication;

/**
 * A service that stops while a pipe streams into it does not wait out Tomcat's graceful shutdown (30 s): its pipe
 * ends close first, and the request reading an idle stream ends at the next frame, a ping at the latest (every 5 s by default,
 * 1 s here);
 * its peer's next send is a broken pipe.
 */
class PipeShutdownTest {

    @Test
    void aStoppingServiceEndsItsPipeStreamsAtOnce() {
        ConfigurableApplicationContext printer = new SpringApplicationBuilder(PrinterServiceApplication.class)
                .run("--server.port=0");
        int port = ((WebServerApplicationContext) printer).getWebServer().getPort();
        PipeProperties oneSecondPings = BoundProperties.of(PipeProperties.class, "ping-interval=1s");
        try (Pipes sender = new Pipes(oneSecondPings, new SimpleMeterRegistry())) {
            String pipe = Pipes.newId();
            String key = Pipes.newStreamKey();
            printer.getBean(Pipes.class).host(new PipeEndId(pipe, 1), true, URI.create("http://localhost:9"), key);
            PipeEnd near = sender.host(new PipeEndId(pipe, 0), true, URI.create("http://localhost:" + port), key);
            near.send("1"); // the stream is open, its request in progress on printer-service

            long start = System.nanoTime();
            printer.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("printer-service stopped in " + took.toMillis() + " ms with a pipe stream open");
            assertThat(took).as("at most the ping interval, 1 s here").isLessThan(Duration.ofSeconds(3));

            assertThatThrownBy(() -> {
                for (int i = 0; i < 1000; i++) {
                    near.send("2");
                    Thread.sleep(5);
                }
            }).isInstanceOfSatisfying(PipeProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.BROKEN_PIPE));
        }
        finally {
            printer.close();
        }
    }
}
