package io.mpensemble.recordservice.lock;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import io.mpensemble.recordservice.typecode.MemoryKind;

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
        for (MemoryKind kind : MemoryKind.values()) {
            for (String outcome : new String[] { "acquired", "timeout" }) {
                timers.put(kind + outcome, Timer.builder(WAITS)
                    .description("Lock acquires that had to wait for the lock of a Value or an Array")
                    .tag("kind", kind.toString().toLowerCase(java.util.Locale.ROOT))
                    .tag("outcome", outcome)
                    .register(meters));
            }
        }
    }

    void waited(MemoryKind kind, boolean acquired, long nanos) {
        timers.get(kind + (acquired ? "acquired" : "timeout")).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
