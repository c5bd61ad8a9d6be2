package io.mpensemble.recordservice.lock;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import io.mpensemble.recordservice.redis.ObjectKind;
import io.mpensemble.recordservice.sharedmemory.SharedMemory;

/**
 * {@code mp.ensemble.manager.lock.waits}: the acquires that found the lock held (by another holder, or another
 * acquire first in line in this process) and how long they waited, tagged with the object {@code kind} (value,
 * array) and the {@code outcome} (acquired, timeout). An acquire that got a free lock at once is no wait.
 */
@Component
class LockWaits {

    static final String WAITS = "mp.ensemble.manager.lock.waits";

    private final Map<String, Timer> timers = new HashMap<>();

    LockWaits(MeterRegistry meters) {
        for (ObjectKind kind : List.of(SharedMemory.VALUE, SharedMemory.ARRAY)) {
            for (String outcome : new String[] { "acquired", "timeout" }) {
                timers.put(kind.name() + outcome, Timer.builder(WAITS)
                    .description("Lock acquires that had to wait for the lock of a Value or an Array")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .tag("outcome", outcome)
                    .register(meters));
            }
        }
    }

    void waited(ObjectKind kind, boolean acquired, long nanos) {
        timers.get(kind.name() + (acquired ? "acquired" : "timeout")).record(nanos, TimeUnit.NANOSECONDS);
    }
}
