package io.mpensemble.recordservice.lock;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Python's {@code get_lock().acquire(timeout=...)}, with a lease.
 *
 * @param timeoutMs how long to wait for the lock (0: try once); absent: the documented default
 * @param leaseMs how long the lock is held unless released sooner; absent: the documented default
 */
public record LockRequest(@PositiveOrZero Long timeoutMs, @Positive Long leaseMs) {
}
