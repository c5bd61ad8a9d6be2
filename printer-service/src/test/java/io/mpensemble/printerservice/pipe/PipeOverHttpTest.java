package io.mpensemble.printerservice.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mpensemble.support.problem.ProblemType;
import io.mpensemble.pipes.HostPipeEnd;
import io.mpensemble.pipes.PipeEnd;
import io.mpensemble.pipes.PipeEndId;
import io.mpensemble.pipes.PipeEndView;
import io.mpensemble.pipes.PipeMessage;
import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.pipes.PipeProperties;
import io.mpensemble.testsupport.BoundProperties;
import io.mpensemble.testsupport.TcpForwarder;
import io.mpensemble.pipes.Pipes;
import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.ReceiveMessagesRequest;

/**
 * A pipe between two processes' worth of pipe machinery over real HTTP: this test's own {@link Pipes} hosts the
 * sending end, a running printer-service (its Tomcat on a random port) hosts the receiving end, and every message
 * crosses the loopback as one chunked HTTP request's body.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PipeOverHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    /** The printer-service's pipe ends: the receiving process. */
    @Autowired
    Pipes printer;

    /** The printer-service's meters. */
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext server;

    /** The sending process's. */
    private final Pipes sender = new Pipes(BoundProperties.of(PipeProperties.class), new SimpleMeterRegistry());

    /** One client for the test (each RestClient.create() starts an HttpClient of its own, with its threads). */
    private RestClient api;

    private RestClient api() {
        if (api == null) {
            api = RestClient.create("http://localhost:" + port);
        }
        return api;
    }

    @AfterEach
    void close() {
        sender.close();
    }

    /** The printer-service hosts end 1 (asked over HTTP); this test hosts end 0, whose sends stream to it. */
    private PipeEnd[] connect(int viaPort) {
        String pipe = Pipes.newId();
        String key = Pipes.newStreamKey();
        PipeEndView hosted = api().post().uri("/internal/pipes/ends")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new HostPipeEnd(pipe, 1, true, "http://localhost:9", key)).retrieve().body(PipeEndView.class);
        assertThat(hosted.readable()).isTrue();
        PipeEnd near = sender.host(new PipeEndId(pipe, 0), true, URI.create("http://localhost:" + viaPort), key);
        return new PipeEnd[] { near, printer.end(new PipeEndId(pipe, 1)) };
    }

    @Test
    void messagesCrossTheHttpStreamInOrderAndTheCloseBecomesEof() {
        PipeEnd[] pipe = connect(port);
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 20_000; i++) {
                pipe[0].send(PipeMessage.ofJson(String.valueOf(i)), i == 19_999);
            }
            pipe[0].close();
        });
        for (int i = 0; i < 20_000; i++) {
            assertThat(pipe[1].recv(WAIT)).isEqualTo(String.valueOf(i));
        }
        assertThatThrownBy(() -> pipe[1].recv(WAIT)).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.EOF));
        sending.join();
        printer.remove(pipe[1].id());
    }

    @Test
    void theReceiverRunsOnAnEndTheServiceHosts() {
        PipeEnd[] pipe = connect(port);
        CompletableFuture<ProcessReport> report = CompletableFuture.supplyAsync(() -> api().post().uri("/api/pipe/receive")
                .contentType(MediaType.APPLICATION_JSON).body(new ReceiveMessagesRequest(pipe[0].id().pipe(), 1))
                .retrieve().body(ProcessReport.class));
        for (String message : new String[] { "\"hello\"", "\"hey\"", "\"hru?\"", "\"END\"" }) {
            pipe[0].send(message);
        }
        pipe[0].close();
        assertThat(report.join().lines()).containsExactly("Received the message: hello",
                "Received the message: hey", "Received the message: hru?");
        assertThat(printer.find(pipe[1].id())).as("the receiver gave its end up").isEmpty();
    }

    @Test
    void aSendToAnEndNobodyHostsIsABrokenPipeAtOnce() {
        PipeEnd near = sender.host(new PipeEndId(Pipes.newId(), 0), true, URI.create("http://localhost:" + port),
                Pipes.newStreamKey());
        assertThatThrownBy(() -> near.send("1")).isInstanceOfSatisfying(PipeProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.BROKEN_PIPE);
            assertThat(p.getMessage()).contains("not hosted");
        });
    }

    @Test
    void aPeerUrlThatIsNotABaseUrlIsA400NamingIt() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String url : java.util.List.of("http://a b", "http://", "http:// x", "http://[::1", "http://a/?q=1",
                "http://a/#f", "http://a:99999", "https://%zz")) {
            String pipe = Pipes.newId();
            String body = "{\"pipe\": \"" + pipe + "\", \"end\": 1, \"duplex\": true, \"peerUrl\": \""
                    + url + "\", \"streamKey\": \"" + Pipes.newStreamKey() + "\"}";
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest
                    .newBuilder(URI.create("http://localhost:" + port + "/internal/pipes/ends"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s: %s", url, response.body()).isEqualTo(400);
            assertThat(response.body()).as(url).contains("urn:mp-ensemble:problem:invalid-field", "peerUrl");
            assertThat(printer.find(new PipeEndId(pipe, 1))).as("nothing hosted for %s", url).isEmpty();
        }
    }

    /** Only a process holding the pipe's stream key reaches a hosted end: without it the end is not found. */
    @Test
    void aHostedEndIsReachedOnlyWithItsPipesStreamKey() throws Exception {
        PipeEnd[] pipe = connect(port);
        String end = "/internal/pipes/" + pipe[1].id().pipe() + "/ends/1";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        byte[] forged = { 'J', 0, 0, 0, 1, '9', 'C', 0, 0, 0, 0 };
        for (String key : java.util.Arrays.asList(null, "", Pipes.newStreamKey())) {
            for (String method : java.util.List.of("GET", "POST", "DELETE")) {
                java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
                        .newBuilder(URI.create("http://localhost:" + port + end + (method.equals("POST") ? "/stream" : "")))
                        .header("Content-Type", "application/octet-stream")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.ofByteArray(forged));
                if (key != null) {
                    request.header(Pipes.STREAM_KEY_HEADER, key);
                }
                java.net.http.HttpResponse<String> response = http.send(request.build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("%s with key %s: %s", method, key, response.body())
                        .isEqualTo(404);
                assertThat(response.body()).contains("urn:mp-ensemble:problem:not-found", Pipes.STREAM_KEY_HEADER);
            }
        }
        assertThat(pipe[1].buffered()).as("nothing forged arrived").isZero();
        assertThat(pipe[1].closed()).isFalse();
        pipe[0].send("1");
        assertThat(pipe[1].recv(WAIT)).isEqualTo("1");
        pipe[0].close();
        assertThatThrownBy(() -> pipe[1].recv(WAIT)).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.EOF));
        printer.remove(pipe[1].id());
    }

    /**
     * As in Python, where a send after the other end's close raises BrokenPipeError: the receiving end's close
     * reaches the sending end's process at once, over a stream of its own (a one-way pipe's read end too), and the
     * sender's next send is a broken pipe instead of a message silently dropped. Both ends are hosted by
     * printer-service here, each reaching the other over HTTP as two processes would.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "duplex={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = { true, false })
    void whenTheReceivingEndClosesTheSendersNextSendIsABrokenPipe(boolean duplex) throws Exception {
        String id = Pipes.newId();
        String key = Pipes.newStreamKey();
        URI self = URI.create("http://localhost:" + port);
        PipeEnd receiving = printer.host(new PipeEndId(id, duplex ? 1 : 0), duplex, self, key);
        PipeEnd sending = printer.host(new PipeEndId(id, duplex ? 0 : 1), duplex, self, key);
        sending.send("1");
        assertThat(receiving.recv(WAIT)).isEqualTo("1");
        receiving.close();
        Thread.sleep(300);
        assertThatThrownBy(() -> sending.send("2")).isInstanceOfSatisfying(PipeProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.BROKEN_PIPE);
            assertThat(p.getMessage()).contains("other end was closed");
        });
        if (duplex) {
            assertThatThrownBy(() -> sending.recv(WAIT)).isInstanceOfSatisfying(PipeProblem.class,
                    p -> assertThat(p.type()).isEqualTo(ProblemType.EOF));
        }
        printer.remove(receiving.id());
        printer.remove(sending.id());
    }

    /**
     * Python's close() never blocks. Here a send is stuck on a receiver that does not read (TCP's window is full) when
     * the sending end is closed: the close returns at once, and once the receiver reads it gets every message the
     * sender sent, then EOF.
     */
    @Test
    void closeDoesNotWaitOnAReceiverThatDoesNotRead() throws Exception {
        PipeEnd[] pipe = connect(port);
        AtomicLong sent = new AtomicLong();
        CompletableFuture<PipeProblem> sending = CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; ; i++) {
                    byte[] mib = new byte[1024 * 1024];
                    mib[0] = (byte) i;
                    pipe[0].sendBytes(mib);
                    sent.incrementAndGet();
                }
            }
            catch (PipeProblem problem) {
                return problem;
            }
        });
        Thread.sleep(1_000);
        assertThat(sending).as("held back: nobody reads").isNotDone();
        long start = System.nanoTime();
        // not on the common pool, whose one thread (two cores) may be the stuck sender
        CompletableFuture.runAsync(pipe[0]::close, Thread::startVirtualThread).get(2, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("close took %d ms with the sender stalled after %d MiB%n", millis, sent.get());
        assertThat(millis).isLessThan(1_000);
        int received = 0;
        try {
            while (true) {
                assertThat(pipe[1].recvBytes(WAIT)[0]).isEqualTo((byte) received);
                received++;
            }
        }
        catch (PipeProblem end) {
            assertThat(end.type()).isEqualTo(ProblemType.EOF);
        }
        assertThat(sending.get(5, TimeUnit.SECONDS).type()).as("the send after the close")
                .isEqualTo(ProblemType.PIPE_CLOSED);
        assertThat((long) received).isEqualTo(sent.get());
        printer.remove(pipe[1].id());
    }

    @Test
    void aReceiverHeldStillStallsTheSenderAndTheHeapStaysBounded() throws Exception {
        PipeEnd[] pipe = connect(port);
        int messages = 300; // 300 MiB, were nothing holding the sender back
        AtomicLong sent = new AtomicLong();
        long heapBefore = usedHeapAfterGc();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < messages; i++) {
                byte[] mib = new byte[1024 * 1024];
                mib[0] = (byte) i;
                pipe[0].sendBytes(mib);
                sent.incrementAndGet();
            }
        });
        Thread.sleep(2_000);
        long stalledAt = sent.get();
        Thread.sleep(1_000);
        assertThat(sent.get()).as("the sender waits while nobody reads").isEqualTo(stalledAt);
        assertThat(sending).isNotDone();
        // the receiving buffer (1 MiB) plus what the socket buffers, Tomcat's and the client's hold
        assertThat(stalledAt).as("MiB sent before the sender stalled").isLessThan(48);
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        System.out.printf("sender stalled after %d MiB; heap grew %d KiB%n", stalledAt, heapGrowth / 1024);
        assertThat(heapGrowth).isLessThan(64L * 1024 * 1024);
        for (int i = 0; i < messages; i++) {
            assertThat(pipe[1].recvBytes(WAIT)[0]).isEqualTo((byte) i);
        }
        sending.get(10, TimeUnit.SECONDS);
        printer.remove(pipe[1].id());
    }

    @Test
    void whenTheConnectionDiesMidStreamBothEndsHearOfItAtOnceAndNoThreadOrConnectionIsLeft() throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        int openBefore = printer.open();
        try (TcpForwarder network = TcpForwarder.start(port)) {
            // warm up: the first stream starts what Tomcat starts once
            PipeEnd[] warm = connect(network.port());
            warm[0].send("0");
            warm[1].recv(WAIT);
            warm[0].close();
            printer.remove(warm[1].id());
            sender.remove(warm[0].id());
            awaitClosed(network); // the close ends the warm-up's stream in the background
            int threadsBefore = threads.getThreadCount();
            var namesBefore = threadNames();
            long filesBefore = openFiles();
            long connectionsBefore = tomcatConnections();
            int requestsBefore = activeRequests();

            // hosted without this test's HTTP client, whose own worker threads would blur the count
            String id = Pipes.newId();
            String key = Pipes.newStreamKey();
            PipeEnd[] pipe = {
                    sender.host(new PipeEndId(id, 0), true, URI.create("http://localhost:" + network.port()), key),
                    printer.host(new PipeEndId(id, 1), true, URI.create("http://localhost:9"), key) };
            AtomicLong sent = new AtomicLong();
            CompletableFuture<PipeProblem> sending = CompletableFuture.supplyAsync(() -> {
                try {
                    while (true) {
                        pipe[0].sendBytes(new byte[64 * 1024]);
                        sent.incrementAndGet();
                    }
                }
                catch (PipeProblem problem) {
                    return problem;
                }
            });
            Thread.sleep(500);
            assertThat(sent.get()).isPositive();
            assertThat(sending).as("held back: nobody reads").isNotDone();
            assertThat(activeRequests()).as("the stream is a request under way").isEqualTo(requestsBefore + 1);
            assertThat(tomcatConnections()).as("and a connection").isEqualTo(connectionsBefore + 1);

            long cut = System.nanoTime();
            network.cut();
            PipeProblem senderSaw = sending.get(2, TimeUnit.SECONDS);
            assertThat(senderSaw.type()).isEqualTo(ProblemType.BROKEN_PIPE);
            PipeProblem receiverSaw = CompletableFuture.supplyAsync(() -> {
                try {
                    while (true) {
                        pipe[1].recvBytes(WAIT);
                    }
                }
                catch (PipeProblem problem) {
                    return problem;
                }
            }).get(2, TimeUnit.SECONDS);
            assertThat(receiverSaw.type()).isEqualTo(ProblemType.BROKEN_PIPE);
            System.out.printf("both ends saw the broken pipe %d ms after the cut%n",
                    (System.nanoTime() - cut) / 1_000_000);

            printer.remove(pipe[1].id());
            sender.remove(pipe[0].id());
            assertThat(printer.open()).isEqualTo(openBefore);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (threads.getThreadCount() > threadsBefore && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(threads.getThreadCount()).as("threads now: %s, before: %s", threadNames(), namesBefore)
                    .isLessThanOrEqualTo(threadsBefore);
            while (openFiles() > filesBefore && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(openFiles()).as("open files and sockets of this JVM (both processes' sides)")
                    .isLessThanOrEqualTo(filesBefore);
            // request handlers run on virtual threads, which the thread count above does not see
            while ((activeRequests() > requestsBefore || tomcatConnections() > connectionsBefore)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(activeRequests()).as("printer-service's requests under way").isEqualTo(requestsBefore);
            assertThat(tomcatConnections()).as("printer-service's open connections").isEqualTo(connectionsBefore);
        }
    }

    /** Every message arrives once, in order (each carries its index), at the rates the README gives. */
    @Test
    void throughput() {
        PipeEnd[] small = connect(port);
        int n = 300_000;
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
            byte[] payload = new byte[16]; // written out before send returns, so one array serves every message
            for (int i = 0; i < n; i++) {
                java.nio.ByteBuffer.wrap(payload).putInt(i);
                small[0].send(PipeMessage.ofBytes(payload), i == n - 1);
            }
            small[0].close();
        });
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            byte[] received = small[1].recvMessage(WAIT).payload();
            assertThat(received.length).isEqualTo(16);
            if (java.nio.ByteBuffer.wrap(received).getInt() != i) {
                assertThat(java.nio.ByteBuffer.wrap(received).getInt()).as("message %d", i).isEqualTo(i);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sending.join();
        assertThatThrownBy(() -> small[1].recvMessage(WAIT)).as("nothing more than the %d messages", n)
                .isInstanceOfSatisfying(PipeProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.EOF));
        System.out.printf("HTTP pipe: %d messages of 16 bytes in %.2f s: %.0f messages/s%n", n, seconds, n / seconds);

        PipeEnd[] large = connect(port);
        int m = 32_768; // 2 GiB
        sending = CompletableFuture.runAsync(() -> {
            byte[] block = new byte[64 * 1024];
            for (int i = 0; i < m; i++) {
                java.nio.ByteBuffer.wrap(block).putInt(i).putInt(block.length - 4, i);
                large[0].send(PipeMessage.ofBytes(block), i == m - 1);
            }
            large[0].close();
        });
        start = System.nanoTime();
        for (int i = 0; i < m; i++) {
            java.nio.ByteBuffer received = java.nio.ByteBuffer.wrap(large[1].recvMessage(WAIT).payload());
            if (received.capacity() != 64 * 1024 || received.getInt(0) != i || received.getInt(64 * 1024 - 4) != i) {
                assertThat(received.capacity()).isEqualTo(64 * 1024);
                assertThat(received.getInt(0)).as("message %d", i).isEqualTo(i);
                assertThat(received.getInt(64 * 1024 - 4)).as("message %d's end", i).isEqualTo(i);
            }
        }
        seconds = (System.nanoTime() - start) / 1e9;
        sending.join();
        assertThatThrownBy(() -> large[1].recvMessage(WAIT)).as("nothing more than the %d messages", m)
                .isInstanceOfSatisfying(PipeProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.EOF));
        System.out.printf("HTTP pipe: %d messages of 64 KiB in %.2f s: %.0f MB/s%n", m, seconds,
                m * 65536L / seconds / 1e6);
        printer.remove(small[1].id());
        printer.remove(large[1].id());
    }

    /** Tomcat's open connections, the stream's among them while it lasts. */
    /** Waits until every connection through {@code network} is closed and printer-service's count of them settles. */
    private void awaitClosed(TcpForwarder network) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (network.connections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        for (long seen = -1; seen != tomcatConnections() && System.nanoTime() < deadline; ) {
            seen = tomcatConnections();
            Thread.sleep(200);
        }
    }

    private long tomcatConnections() {
        var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer()).getTomcat();
        return ((org.apache.coyote.AbstractProtocol<?>) tomcat.getConnector().getProtocolHandler())
                .getConnectionCount();
    }

    /** The requests printer-service is handling now, each on a virtual thread of its own. */
    private int activeRequests() {
        return meters.find("http.server.requests.active").longTaskTimers().stream()
                .mapToInt(io.micrometer.core.instrument.LongTaskTimer::activeTasks).sum();
    }

    private static long openFiles() {
        return ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getOpenFileDescriptorCount();
    }

    private static java.util.List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
