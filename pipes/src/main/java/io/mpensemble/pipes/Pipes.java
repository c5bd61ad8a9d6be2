package io.mpensemble.pipes;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.mpensemble.support.id.Ids;
import io.mpensemble.support.problem.EnsembleProblem;

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

    /**
     * The header that carries a pipe's stream key on every {@code /internal/pipes/{pipe}/ends/{end}} request: only a
     * process that was given the key when the end was hosted may look at the end, stream into it or remove it.
     */
    public static final String STREAM_KEY_HEADER = "Pipe-Stream-Key";

    /** A stream key: 128 bits or more, base64url. */
    static final String STREAM_KEY_FORMAT = "[A-Za-z0-9_-]{22,200}";

    static final Pattern STREAM_KEY = Pattern.compile(STREAM_KEY_FORMAT);

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Log log = LogFactory.getLog(Pipes.class);

    private final PipeProperties properties;
    private final PipeMeters meters;
    private final Map<PipeEndId, PipeEnd> ends = new ConcurrentHashMap<>();
    /** The pipes with both ends here ({@link #create}), which expire when idle. */
    private final Set<String> local = ConcurrentHashMap.newKeySet();
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
        long sweep = Math.clamp(properties.idleTimeout().toMillis() / 10, 10, 10_000);
        pinger.scheduleWithFixedDelay(this::expireIdle, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    public PipeProperties properties() {
        return properties;
    }

    /** A fresh pipe id. */
    public static String newId() {
        return "pipe-" + UUID.randomUUID();
    }

    /** A fresh stream key: 128 random bits, base64url, for the two processes that host a pipe's ends. */
    public static String newStreamKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** {@code Pipe(duplex)}: both ends in this process, which no other process can reach. */
    public List<PipeEnd> create(boolean duplex) {
        String pipe = newId();
        PipeEnd first = add(new PipeEndId(pipe, 0), duplex, null);
        PipeEnd second;
        try {
            second = add(new PipeEndId(pipe, 1), duplex, null);
        }
        catch (PipeProblem tooMany) {
            remove(first.id());
            throw tooMany;
        }
        if (first.writable()) {
            first.connect(new LocalOutlet(second, properties.maxTimeout()));
        }
        second.connect(new LocalOutlet(first, properties.maxTimeout()));
        local.add(pipe);
        return List.of(first, second);
    }

    /** Closes and forgets every pipe with both ends here on whose ends no call was made for the idle timeout. */
    private void expireIdle() {
        try {
            for (String pipe : local) {
                List<PipeEnd> both = new ArrayList<>(2);
                for (int end = 0; end < 2; end++) {
                    find(new PipeEndId(pipe, end)).ifPresent(both::add);
                }
                if (both.isEmpty()) {
                    local.remove(pipe);
                }
                else if (both.stream().allMatch(end -> end.idleFor(properties.idleTimeout()))) {
                    local.remove(pipe);
                    both.forEach(end -> remove(end.id()));
                    meters.expired();
                    log.info("Pipe " + pipe + " was idle for more than " + properties.idleTimeout()
                            + ": closed and forgotten");
                }
            }
        }
        catch (RuntimeException ex) {
            log.warn("Expiring idle pipes failed; trying again later", ex);
        }
    }

    /**
     * Hosts one end here; the other is hosted by the process at {@code peer} (its base URL), whose sends to this end
     * arrive as an HTTP stream on {@code /internal/pipes/{pipe}/ends/{end}/stream}.
     *
     * @param streamKey the pipe's secret (see {@link #newStreamKey}), which both processes hold: the other process's
     *        requests to this end must carry it, and this end's requests to the other carry it
     */
    public PipeEnd host(PipeEndId id, boolean duplex, URI peer, String streamKey) {
        requireId(id.pipe());
        if (streamKey == null || !STREAM_KEY.matcher(streamKey).matches()) {
            throw EnsembleProblem.invalidField("streamKey",
                    "a stream key is 22 to 200 base64url characters (128 random bits or more)");
        }
        PipeEnd end = add(id, duplex, streamKey);
        // a read end sends nothing, but its close goes to the write end all the same: its next send is a broken pipe
        PipeEndId other = id.peer();
        end.connect(new HttpOutlet(URI.create(stripSlash(peer.toString()) + INTERNAL_PATH + "/" + other.pipe()
                + "/ends/" + other.end()), streamKey, properties.connectTimeout(),
                properties.pingInterval().dividedBy(2), properties.maxTimeout()));
        return end;
    }

    /**
     * Synchronized, and the id checked before the end's meters are made: Micrometer hands out the meters already
     * registered under the same tags, those of the live end, which a refused second end must not remove.
     */
    private synchronized PipeEnd add(PipeEndId id, boolean duplex, String streamKey) {
        if (ends.containsKey(id)) {
            throw PipeProblem.exists(id);
        }
        if (ends.size() >= properties.maxEnds()) {
            throw PipeProblem.tooManyEnds(properties.maxEnds());
        }
        boolean readable = duplex || id.end() == 0;
        boolean writable = duplex || id.end() == 1;
        PipeMeters.EndMeters endMeters = meters.forEnd(id);
        AtomicInteger once = new AtomicInteger();
        PipeEnd end = new PipeEnd(id, readable, writable, streamKey, properties, endMeters, () -> {
            if (once.getAndIncrement() == 0) {
                open.decrementAndGet();
                meters.remove(endMeters);
            }
        });
        ends.put(id, end);
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

    /**
     * The end as the process hosting its other end reaches it, with the pipe's stream key; the not-found problem for
     * a wrong or missing key, as for an end not here (an end of a pipe with both ends here admits no key at all).
     */
    public PipeEnd endForPeer(PipeEndId id, String streamKey) {
        return find(id).filter(end -> end.admits(streamKey))
                .orElseThrow(() -> PipeProblem.notFoundForKey(id.pipe(), id.end()));
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

    /**
     * Closes the end (if open) and forgets it; forgotten only once closed, so an end hosted anew under the same id
     * gets meters of its own, not the closing end's.
     */
    public void remove(PipeEndId id) {
        PipeEnd end = ends.get(id);
        if (end != null) {
            end.close();
            ends.remove(id, end);
        }
    }

    /** Closes and forgets every end of the pipe hosted here. */
    public void delete(String pipe) {
        pipe(pipe).forEach(end -> remove(end.id()));
        local.remove(pipe);
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
        Ids.require("pipe", "a pipe id", pipe);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
