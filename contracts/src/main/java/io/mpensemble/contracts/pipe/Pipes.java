package io.mpensemble.contracts.pipe;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pipe ends this process hosts, by id: {@code multiprocessing.Pipe(duplex)} with both ends here
 * ({@link #create}), or one end here whose other end another process hosts ({@link #host}), the messages between them
 * flowing over HTTP streams straight from process to process (see {@link HttpOutlet}, {@link PipeEnd#receiveStream}).
 *
 * <p>Threads: none per pipe. Sends run on the caller's thread, a stream's receiving side on the HTTP request's own
 * (virtual) thread; one shared scheduler thread pings idle streams.
 */
public class Pipes implements AutoCloseable {

    /** The path under a service's base URL where its hosted ends are reached by other processes. */
    public static final String INTERNAL_PATH = "/internal/pipes";

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final PipeProperties properties;
    private final PipeMeters meters;
    private final Map<PipeEndId, PipeEnd> ends = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService pinger;

    public Pipes(PipeProperties properties, MeterRegistry registry) {
        this.properties = properties;
        this.meters = new PipeMeters(registry, open::get);
        this.pinger = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("pipe-pinger").factory());
        // a stream silent for half the interval gets a ping, looked for every half interval: never a longer silence
        long every = Math.max(1, properties.pingInterval().toMillis() / 2);
        pinger.scheduleWithFixedDelay(() -> ends.values().forEach(PipeEnd::ping), every, every, TimeUnit.MILLISECONDS);
    }

    public PipeProperties properties() {
        return properties;
    }

    /** A fresh pipe id. */
    public static String newId() {
        return "pipe-" + UUID.randomUUID();
    }

    /** {@code Pipe(duplex)}: both ends in this process. */
    public List<PipeEnd> create(boolean duplex) {
        String pipe = newId();
        PipeEnd first = add(new PipeEndId(pipe, 0), duplex);
        PipeEnd second;
        try {
            second = add(new PipeEndId(pipe, 1), duplex);
        }
        catch (PipeProblem tooMany) {
            remove(first.id());
            throw tooMany;
        }
        if (first.writable()) {
            first.connect(new LocalOutlet(second));
        }
        second.connect(new LocalOutlet(first));
        return List.of(first, second);
    }

    /**
     * Hosts one end here; the other is hosted by the process at {@code peer} (its base URL), whose sends to this end
     * arrive as an HTTP stream on {@code /internal/pipes/{pipe}/ends/{end}/stream}.
     */
    public PipeEnd host(PipeEndId id, boolean duplex, URI peer) {
        requireId(id.pipe());
        PipeEnd end = add(id, duplex);
        if (end.writable()) {
            PipeEndId other = id.peer();
            end.connect(new HttpOutlet(URI.create(stripSlash(peer.toString()) + INTERNAL_PATH + "/" + other.pipe()
                    + "/ends/" + other.end()), properties.connectTimeout(), properties.pingInterval().dividedBy(2)));
        }
        return end;
    }

    private PipeEnd add(PipeEndId id, boolean duplex) {
        if (ends.size() >= properties.maxEnds()) {
            throw PipeProblem.tooManyEnds(properties.maxEnds());
        }
        boolean readable = duplex || id.end() == 0;
        boolean writable = duplex || id.end() == 1;
        PipeMeters.EndMeters endMeters = meters.forEnd(id);
        AtomicInteger once = new AtomicInteger();
        PipeEnd end = new PipeEnd(id, readable, writable, properties, endMeters, () -> {
            if (once.getAndIncrement() == 0) {
                open.decrementAndGet();
                meters.remove(endMeters);
            }
        });
        if (ends.putIfAbsent(id, end) != null) {
            meters.remove(endMeters);
            throw PipeProblem.exists(id);
        }
        open.incrementAndGet();
        return end;
    }

    /** The end, or the not-found problem. */
    public PipeEnd end(PipeEndId id) {
        return find(id).orElseThrow(() -> PipeProblem.notFound(id.pipe(), id.end()));
    }

    public Optional<PipeEnd> find(PipeEndId id) {
        return Optional.ofNullable(ends.get(id));
    }

    /** The ends of this pipe hosted here, end 0 first; the not-found problem when there are none. */
    public List<PipeEnd> pipe(String pipe) {
        List<PipeEnd> found = new ArrayList<>(2);
        for (int end = 0; end < 2; end++) {
            find(new PipeEndId(pipe, end)).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            throw PipeProblem.notFound(pipe);
        }
        return found;
    }

    /** Closes the end (if open) and forgets it. */
    public void remove(PipeEndId id) {
        PipeEnd end = ends.remove(id);
        if (end != null) {
            end.close();
        }
    }

    /** Closes and forgets every end of the pipe hosted here. */
    public void delete(String pipe) {
        pipe(pipe).forEach(end -> remove(end.id()));
    }

    /** How many ends hosted here are open. */
    public int open() {
        return open.get();
    }

    /** How many ends are hosted here, closed ones included until they are deleted. */
    public int hosted() {
        return ends.size();
    }

    /**
     * The process is stopping: every end goes as it would with a dying process, its peers read a broken pipe at once
     * rather than waiting on a stream that will never end.
     */
    @Override
    public void close() {
        pinger.shutdownNow();
        ends.values().forEach(PipeEnd::abort);
        ends.clear();
    }

    static void requireId(String pipe) {
        if (pipe == null || !ID.matcher(pipe).matches()) {
            throw io.mpensemble.contracts.problem.FieldProblem.invalid("pipe",
                    "a pipe id is 1 to 100 letters, digits, '-' or '_'");
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
