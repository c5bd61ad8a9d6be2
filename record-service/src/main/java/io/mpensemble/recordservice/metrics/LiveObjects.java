package io.mpensemble.recordservice.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * How many objects live in Redis right now, whichever replica made them: {@code mp.ensemble.manager.objects} tagged
 * {@code kind} (value, array, list, dict) and {@code mp.ensemble.manager.sessions}. Counted by one SCAN over the
 * {@code mp:*} keys at most every {@link #MAX_AGE}, so a scrape never waits on Redis more than once in that time;
 * while Redis is unreachable the last count stays. Every replica reports the same shared count: sum nothing, take max.
 */
@Component
class LiveObjects {

    static final String OBJECTS = "mp.ensemble.manager.objects";
    static final String SESSIONS = "mp.ensemble.manager.sessions";
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** An object's or session's own key, {@code mp:<kind>:<id>}; its other keys have a further {@code :suffix}. */
    private static final Pattern OWN_KEY = Pattern.compile("mp:(value|array|list|dict|manager):[a-z]-[0-9a-f]{32}");

    private static final List<String> KINDS = List.of("value", "array", "list", "dict");

    private final StringRedisTemplate redis;
    private final Map<String, AtomicLong> counts = new HashMap<>();
    private long countedAt = Long.MIN_VALUE;

    LiveObjects(StringRedisTemplate redis, MeterRegistry meters) {
        this.redis = redis;
        for (String kind : KINDS) {
            counts.put(kind, new AtomicLong());
            Gauge.builder(OBJECTS, () -> count(kind))
                .description("Values, Arrays, lists and dicts held in Redis")
                .tag("kind", kind)
                .register(meters);
        }
        counts.put("manager", new AtomicLong());
        Gauge.builder(SESSIONS, () -> count("manager"))
            .description("Manager sessions open in Redis")
            .register(meters);
    }

    long count(String kind) {
        refreshIfOld();
        return counts.get(kind).get();
    }

    private synchronized void refreshIfOld() {
        long now = System.nanoTime();
        if (countedAt != Long.MIN_VALUE && now - countedAt < MAX_AGE.toNanos()) {
            return;
        }
        countedAt = now;
        Map<String, Long> found = new HashMap<>();
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match("mp:*").count(1000).build())) {
            while (keys.hasNext()) {
                Matcher own = OWN_KEY.matcher(keys.next());
                if (own.matches()) {
                    found.merge(own.group(1), 1L, Long::sum);
                }
            }
        }
        catch (RuntimeException ex) {
            // Redis unreachable: readiness says so; the gauges keep the last count.
            return;
        }
        counts.forEach((kind, count) -> count.set(found.getOrDefault(kind, 0L)));
    }
}
