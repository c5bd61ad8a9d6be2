package io.mpensemble.pipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.mpensemble.support.problem.ProblemType;
import io.mpensemble.testsupport.BoundProperties;

/** The pipe's rules, both ends in one process, without Spring and without HTTP. */
class PipeEndTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Pipes pipes = new Pipes(BoundProperties.of(PipeProperties.class), registry);

    @AfterEach
    void close() {
        pipes.close();
    }

    @Test
    void whatOneEndSendsTheOtherReceivesInOrderBothWays() throws Exception {
        List<PipeEnd> pipe = pipes.create(true);
        PipeEnd a = pipe.get(0);
        PipeEnd b = pipe.get(1);
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10_000; i++) {
                a.send(String.valueOf(i));
            }
        });
        for (int i = 0; i < 10_000; i++) {
            assertThat(b.recv(Duration.ofSeconds(5))).isEqualTo(String.valueOf(i));
        }
        sender.get(5, TimeUnit.SECONDS);
        b.send("\"back\"");
        assertThat(a.recv(SHORT)).isEqualTo("\"back\"");
        assertThat(a.poll(Duration.ZERO)).isFalse();
        assertThat(b.poll(Duration.ZERO)).isFalse();
    }

    @Test
    void recvAfterThePeerClosedAndTheBufferIsEmptyIsEofEveryTime() {
        List<PipeEnd> pipe = pipes.create(true);
        pipe.get(0).send("1");
        pipe.get(0).send("2");
        pipe.get(0).close();
        assertThat(pipe.get(1).poll(Duration.ZERO)).isTrue();
        assertThat(pipe.get(1).recv(SHORT)).isEqualTo("1");
        assertThat(pipe.get(1).recv(SHORT)).isEqualTo("2");
        assertThat(pipe.get(1).poll(Duration.ZERO)).as("EOF is ready: recv would not block").isTrue();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> pipe.get(1).recv(SHORT)).isInstanceOfSatisfying(PipeProblem.class,
                    p -> assertThat(p.type()).isEqualTo(ProblemType.EOF));
        }
        assertThat(registry.get(PipeMeters.EOFS).counter().count()).isEqualTo(1);
    }

    @Test
    void aBlockedRecvWakesAtOnceWhenThePeerCloses() throws Exception {
        List<PipeEnd> pipe = pipes.create(true);
        CompletableFuture<String> recv = CompletableFuture.supplyAsync(() -> pipe.get(1).recv(Duration.ofSeconds(30)));
        Thread.sleep(100);
        long start = System.nanoTime();
        pipe.get(0).close();
        assertThatThrownBy(() -> recv.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(PipeProblem.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aOneWayPipeReadsOnEndZeroAndWritesOnEndOne() {
        List<PipeEnd> pipe = pipes.create(false);
        PipeEnd reader = pipe.get(0);
        PipeEnd writer = pipe.get(1);
        assertThatThrownBy(() -> reader.send("1")).isInstanceOfSatisfying(PipeProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.READ_ONLY);
            assertThat(p.status().value()).isEqualTo(400);
            assertThat(p.getMessage()).contains("connection is read-only");
        });
        assertThatThrownBy(() -> writer.recv(SHORT)).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.WRITE_ONLY));
        writer.send("[1, 2]");
        assertThat(reader.recv(SHORT)).isEqualTo("[1, 2]");
    }

    @Test
    void recvBytesRefusesALongerMessageAndKeepsIt() {
        List<PipeEnd> pipe = pipes.create(true);
        byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
        pipe.get(0).sendBytes(ten);
        assertThatThrownBy(() -> pipe.get(1).recvBytes(9, SHORT)).isInstanceOfSatisfying(PipeProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.BAD_MESSAGE_LENGTH);
            assertThat(p.getMessage()).contains("10 bytes", "maxlength 9");
        });
        assertThat(pipe.get(1).recvBytes(10, SHORT)).isEqualTo(ten);
    }

    /** As in Python: maxlength 0 takes only an empty message, a negative one is ValueError("negative maxlength"). */
    @Test
    void recvBytesHonoursAMaxlengthOfZeroAndRefusesANegativeOne() {
        List<PipeEnd> pipe = pipes.create(true);
        pipe.get(0).sendBytes(new byte[] { 7 });
        assertThatThrownBy(() -> pipe.get(1).recvBytes(0, SHORT)).isInstanceOfSatisfying(PipeProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.BAD_MESSAGE_LENGTH);
            assertThat(p.getMessage()).contains("1 bytes", "maxlength 0");
        });
        assertThatThrownBy(() -> pipe.get(1).recvBytes(-1, SHORT))
                .isInstanceOfSatisfying(io.mpensemble.support.problem.EnsembleProblem.class,
                        p -> assertThat(p.getMessage()).contains("maxlength", "negative"));
        assertThat(pipe.get(1).recvBytes(1, SHORT)).as("both refusals left it").containsExactly(7);
        pipe.get(0).sendBytes(new byte[0]);
        assertThat(pipe.get(1).recvBytes(0, SHORT)).isEmpty();
    }

    @Test
    void recvOfABytesMessageIsRefusedAndKeepsIt_recvBytesOfAMessageGivesItsJson() {
        List<PipeEnd> pipe = pipes.create(true);
        pipe.get(0).sendBytes(new byte[] { 1, 2 });
        pipe.get(0).send("{\"a\":1}");
        assertThatThrownBy(() -> pipe.get(1).recv(SHORT)).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.UNPICKLING_ERROR));
        assertThat(pipe.get(1).recvBytes(SHORT)).containsExactly(1, 2);
        assertThat(new String(pipe.get(1).recvBytes(SHORT), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void pollWaitsUpToItsTimeoutAndRecvTimesOutWithAProblem() {
        List<PipeEnd> pipe = pipes.create(true);
        long start = System.nanoTime();
        assertThat(pipe.get(1).poll(SHORT)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SHORT);
        assertThatThrownBy(() -> pipe.get(1).recv(SHORT)).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.TIMEOUT));
        pipe.get(0).send("1");
        assertThat(pipe.get(1).poll(SHORT)).isTrue();
        assertThat(pipe.get(1).poll(SHORT)).as("poll does not take the message").isTrue();
    }

    @Test
    void aReceiverThatDoesNotReadHoldsTheSenderBackAtTheBuffersSize() throws Exception {
        pipes.close();
        pipes = new Pipes(BoundProperties.of(PipeProperties.class, "buffer-size=4KB"), new SimpleMeterRegistry());
        List<PipeEnd> pipe = pipes.create(true);
        AtomicInteger sent = new AtomicInteger();
        byte[] kib = new byte[1024 - PipeMessage.OVERHEAD];
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 100; i++) {
                kib[0] = (byte) i;
                pipe.get(0).sendBytes(kib.clone());
                sent.incrementAndGet();
            }
        });
        Thread.sleep(300);
        assertThat(sender).isNotDone();
        assertThat(sent.get()).as("4 KiB of buffer hold 4 messages of 1 KiB").isEqualTo(4);
        for (int i = 0; i < 100; i++) {
            assertThat(pipe.get(1).recvBytes(Duration.ofSeconds(5))[0]).isEqualTo((byte) i);
        }
        sender.get(5, TimeUnit.SECONDS);
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void aSendWaitsForRoomAtMostTheMaxTimeoutThenIsATimeoutThatSentNothing() {
        pipes.close();
        pipes = new Pipes(BoundProperties.of(PipeProperties.class, "buffer-size=1KB", "max-timeout=300ms"),
                new SimpleMeterRegistry());
        List<PipeEnd> pipe = pipes.create(true);
        pipe.get(0).sendBytes(new byte[] { 1 });
        pipe.get(0).sendBytes(new byte[950]); // with the first, 1015 of the 1024 bytes (32 a message beyond its own)
        long start = System.nanoTime();
        assertThatThrownBy(() -> pipe.get(0).sendBytes(new byte[10])).isInstanceOfSatisfying(PipeProblem.class,
                p -> {
                    assertThat(p.type()).isEqualTo(ProblemType.TIMEOUT);
                    assertThat(p.status().value()).isEqualTo(409);
                    assertThat(p.getMessage()).contains("no room", "0.3 s", "nothing of it was sent");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300),
                Duration.ofSeconds(3));
        assertThat(pipe.get(1).recvBytes(SHORT)).containsExactly(1);
        assertThat(pipe.get(1).recvBytes(SHORT)).hasSize(950);
        assertThatThrownBy(() -> pipe.get(1).recvBytes(SHORT)).as("the message that timed out never arrives")
                .isInstanceOfSatisfying(PipeProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.TIMEOUT));
        pipe.get(0).sendBytes(new byte[] { 4 });
        assertThat(pipe.get(1).recvBytes(SHORT)).containsExactly(4);
    }

    @Test
    void aPipeWithNoCallOnEitherEndForTheIdleTimeoutIsClosedAndForgotten() throws Exception {
        pipes.close();
        pipes = new Pipes(BoundProperties.of(PipeProperties.class, "idle-timeout=300ms"), registry);
        PipeEnd abandoned = pipes.create(true).get(0);
        PipeEnd waiting = pipes.create(true).get(1);
        PipeEnd used = pipes.create(true).get(0);
        CompletableFuture<PipeProblem> recv = CompletableFuture.supplyAsync(() -> {
            try {
                waiting.recv(Duration.ofMillis(900));
                return null;
            }
            catch (PipeProblem problem) {
                return problem;
            }
        });
        for (int i = 0; i < 7; i++) {
            Thread.sleep(100);
            used.poll(Duration.ZERO);
        }
        assertThat(abandoned.closed()).isTrue();
        assertThatThrownBy(() -> pipes.pipe(abandoned.id().pipe())).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThat(pipes.pipe(waiting.id().pipe())).as("a call under way is not idle").hasSize(2);
        assertThat(pipes.pipe(used.id().pipe())).hasSize(2);
        assertThat(registry.get(PipeMeters.EXPIRED).counter().count()).isEqualTo(1);
        assertThat(recv.get(5, TimeUnit.SECONDS).type()).isEqualTo(ProblemType.TIMEOUT);
        Thread.sleep(700);
        assertThatThrownBy(() -> pipes.pipe(waiting.id().pipe())).isInstanceOf(PipeProblem.class);
        assertThat(registry.get(PipeMeters.EXPIRED).counter().count()).isEqualTo(3);
        assertThat(pipes.hosted()).isZero();
    }

    @Test
    void aMessageLargerThanTheWholeBufferStillPassesAlone() {
        pipes.close();
        pipes = new Pipes(BoundProperties.of(PipeProperties.class, "buffer-size=1KB"), new SimpleMeterRegistry());
        List<PipeEnd> pipe = pipes.create(true);
        pipe.get(0).sendBytes(new byte[64 * 1024]);
        assertThat(pipe.get(1).recvBytes(SHORT)).hasSize(64 * 1024);
    }

    @Test
    void whenThePeerGoesWithoutClosingTheOtherEndReadsWhatCameThenABrokenPipe() {
        List<PipeEnd> pipe = pipes.create(true);
        pipe.get(0).send("1");
        pipe.get(0).abort();
        assertThat(pipe.get(1).recv(SHORT)).isEqualTo("1");
        assertThatThrownBy(() -> pipe.get(1).recv(SHORT)).isInstanceOfSatisfying(PipeProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.BROKEN_PIPE);
            assertThat(p.status().value()).isEqualTo(409);
        });
        assertThat(registry.get(PipeMeters.BROKEN).counter().count()).isEqualTo(1);
    }

    @Test
    void sendingToAClosedEndIsABrokenPipe_andAClosedEndRefusesEverything() {
        List<PipeEnd> pipe = pipes.create(true);
        pipe.get(1).close();
        assertThatThrownBy(() -> pipe.get(0).send("1")).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.BROKEN_PIPE));
        for (Runnable op : List.<Runnable>of(() -> pipe.get(1).send("1"), () -> pipe.get(1).recv(SHORT),
                () -> pipe.get(1).poll(SHORT))) {
            assertThatThrownBy(op::run).isInstanceOfSatisfying(PipeProblem.class,
                    p -> assertThat(p.type()).isEqualTo(ProblemType.PIPE_CLOSED));
        }
        pipe.get(1).close(); // twice is harmless
    }

    @Test
    void aMessageAboveTheLimitIsRefusedBeforeAnythingIsSent() {
        List<PipeEnd> pipe = pipes.create(true);
        assertThatThrownBy(() -> pipe.get(0).sendBytes(new byte[16 * 1024 * 1024 + 1]))
                .isInstanceOfSatisfying(PipeProblem.class,
                        p -> assertThat(p.type()).isEqualTo(ProblemType.LIMIT_EXCEEDED));
        assertThat(pipe.get(1).poll(Duration.ZERO)).isFalse();
    }

    @Test
    void metersCountEachEndAndGoWhenTheEndCloses() {
        assertThat(registry.get(PipeMeters.OPEN).gauge().value()).isZero();
        List<PipeEnd> pipe = pipes.create(true);
        String id = pipe.get(0).id().pipe();
        assertThat(registry.get(PipeMeters.OPEN).gauge().value()).isEqualTo(2);
        pipe.get(0).send("\"hey\"");
        pipe.get(1).recv(SHORT);
        assertThat(registry.get(PipeMeters.MESSAGES_SENT).tag("pipe", id).tag("end", "0").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(PipeMeters.BYTES_SENT).tag("pipe", id).tag("end", "0").counter().count())
                .isEqualTo(5);
        assertThat(registry.get(PipeMeters.MESSAGES_RECEIVED).tag("pipe", id).tag("end", "1").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(PipeMeters.BYTES_RECEIVED).tag("pipe", id).tag("end", "1").counter().count())
                .isEqualTo(5);
        pipes.delete(id);
        assertThat(registry.get(PipeMeters.OPEN).gauge().value()).isZero();
        assertThat(registry.find(PipeMeters.MESSAGES_SENT).tag("pipe", id).counters()).isEmpty();
        assertThat(registry.find(PipeMeters.EOFS).counter()).isNotNull();
        // the process's totals stay
        assertThat(registry.get(PipeMeters.MESSAGES).tag("direction", "sent").counter().count()).isEqualTo(1);
        assertThat(registry.get(PipeMeters.MESSAGES).tag("direction", "received").counter().count()).isEqualTo(1);
        assertThat(registry.get(PipeMeters.BYTES).tag("direction", "sent").counter().count()).isEqualTo(5);
        assertThat(registry.get(PipeMeters.BYTES).tag("direction", "received").counter().count()).isEqualTo(5);
        assertThatThrownBy(() -> pipes.pipe(id)).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.status().value()).isEqualTo(404));
    }

    @Test
    void anEndIsHostedOnceAndAnEndOfAnotherProcessIsNotAPipeHere() {
        PipeEndId id = new PipeEndId(Pipes.newId(), 1);
        String key = Pipes.newStreamKey();
        pipes.host(id, true, java.net.URI.create("http://localhost:9"), key);
        assertThatThrownBy(() -> pipes.host(id, true, java.net.URI.create("http://localhost:9"), key))
                .isInstanceOfSatisfying(PipeProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(ProblemType.PIPE_EXISTS);
                    assertThat(p.status().value()).isEqualTo(409);
                });
        assertThat(pipes.pipe(id.pipe())).hasSize(1);
        assertThatThrownBy(() -> pipes.end(id.peer())).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.status().value()).isEqualTo(404));
    }

    @Test
    void askingToHostAnEndHostedAlreadyLeavesTheLiveEndsMeters() {
        PipeEndId id = new PipeEndId(Pipes.newId(), 1);
        String key = Pipes.newStreamKey();
        PipeEnd live = pipes.host(id, true, java.net.URI.create("http://localhost:9"), key);
        live.receiveStream(new java.io.ByteArrayInputStream(new byte[] { 'J', 0, 0, 0, 1, '1', 'J', 0, 0, 0, 1, '2' }));
        assertThat(live.recv(SHORT)).isEqualTo("1");
        assertThatThrownBy(() -> pipes.host(id, true, java.net.URI.create("http://localhost:9"), key))
                .isInstanceOfSatisfying(PipeProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.PIPE_EXISTS));
        assertThat(live.recv(SHORT)).isEqualTo("2");
        assertThat(registry.find(PipeMeters.MESSAGES_RECEIVED).tag("pipe", id.pipe()).tag("end", "1").counter())
                .as("the live end's counter is still registered").isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(2));
        assertThat(registry.get(PipeMeters.OPEN).gauge().value()).isEqualTo(1);
    }

    /** One stream whose ping is stuck (its TCP window full) holds back no other stream's pings. */
    @Test
    void aPingStuckOnOneStreamDoesNotHoldBackThePingsOfTheOthers() throws Exception {
        pipes.close();
        pipes = new Pipes(BoundProperties.of(PipeProperties.class, "ping-interval=100ms"), registry);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger stuckPings = new AtomicInteger();
        AtomicInteger otherPings = new AtomicInteger();
        pipes.create(true).get(0).connect(idleOutlet(() -> {
            stuckPings.incrementAndGet();
            try {
                never.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }));
        pipes.create(true).get(0).connect(idleOutlet(otherPings::incrementAndGet));
        // Four pings of the other stream while the stuck one never returns: a pinger that waited on the stuck
        // stream would send none. A deadline rather than a fixed sleep, so a busy machine cannot fail it.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (otherPings.get() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int other = otherPings.get();
        int stuck = stuckPings.get();
        never.countDown();
        assertThat(other).as("pings of the other stream while the stuck one hangs").isGreaterThanOrEqualTo(4);
        assertThat(stuck).as("one ping at a time on the stuck stream").isEqualTo(1);
    }

    private static Outlet idleOutlet(Runnable ping) {
        return new Outlet() {

            @Override
            public void send(PipeMessage message, boolean flush) {
            }

            @Override
            public void close() {
            }

            @Override
            public void abort() {
            }

            @Override
            public boolean pingDue() {
                return true;
            }

            @Override
            public void ping() {
                ping.run();
            }
        };
    }

    @Test
    void manySmallMessagesPassQuickly() {
        List<PipeEnd> pipe = pipes.create(true);
        int n = 200_000;
        PipeMessage message = PipeMessage.ofJson("\"x\"");
        CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < n; i++) {
                pipe.get(0).send(message, false);
            }
        });
        long start = System.nanoTime();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sizes.add(pipe.get(1).recvMessage(Duration.ofSeconds(5)).payload().length);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sender.join();
        System.out.printf("in-process pipe: %d messages in %.2f s, %.0f messages/s%n", n, seconds, n / seconds);
        assertThat(sizes).hasSize(n);
    }
}
