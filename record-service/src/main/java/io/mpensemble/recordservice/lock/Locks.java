package io.mpensemble.recordservice.lock;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.typecode.MemoryKey;

/**
 * The lock of a Value or an Array, with Python's {@code get_lock()} meaning: one holder at a time. The holder is named
 * by a token, and the lock ends by itself when its lease runs out, so a crashed holder blocks nobody for longer.
 */
@Service
class Locks {

    private final StringRedisTemplate redis;
    private final RedisScript<List<Object>> acquire;
    private final RedisScript<List<Object>> release;
    private final LockProperties properties;
    private final WaitingLines waitingLines;
    private final LockWaits waits;

    Locks(StringRedisTemplate redis, RedisScript<List<Object>> sharedLockAcquireScript,
            RedisScript<List<Object>> sharedLockReleaseScript, LockProperties properties, WaitingLines waitingLines,
            LockWaits waits) {
        this.redis = redis;
        this.acquire = sharedLockAcquireScript;
        this.release = sharedLockReleaseScript;
        this.properties = properties;
        this.waitingLines = waitingLines;
        this.waits = waits;
    }

    /** Waits up to the timeout for the lock; {@code lock-timeout} when it stays held that long. */
    LockGrant acquire(MemoryKey key, LockRequest request) {
        Duration timeout = limited("timeoutMs", request.timeoutMs(), properties.defaultTimeout(),
                properties.maxTimeout(), "max-timeout");
        Duration lease = limited("leaseMs", request.leaseMs(), properties.defaultLease(), properties.maxLease(),
                "max-lease");
        String token = UUID.randomUUID().toString();
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        WaitingLines.Line line = waitingLines.join(key.lock());
        boolean waited = false;
        try {
            if (!line.tryTurn()) {
                waited = true;
                if (!line.awaitTurn(Math.max(0, deadline - System.nanoTime()))) {
                    waits.waited(key.kind(), false, System.nanoTime() - started);
                    throw timedOut(key, timeout);
                }
            }
            try {
                while (true) {
                    line.forgetReleases();
                    List<Object> reply = redis.execute(acquire, List.of(key.memory(), key.lock()), token,
                            String.valueOf(lease.toMillis()));
                    switch ((String) reply.get(0)) {
                        case "acquired" -> {
                            if (waited) {
                                waits.waited(key.kind(), true, System.nanoTime() - started);
                            }
                            return new LockGrant(token, lease.toMillis());
                        }
                        case "not-found" -> throw key.notFound();
                        default -> {
                        }
                    }
                    waited = true;
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        waits.waited(key.kind(), false, System.nanoTime() - started);
                        throw timedOut(key, timeout);
                    }
                    // Try again at a release through this process, else after a short sleep: never past the
                    // holder's lease or the timeout.
                    long leaseLeft = Duration.ofMillis(Math.max(0, (Long) reply.get(1))).toNanos();
                    line.awaitRelease(Math.min(Math.min(left, leaseLeft), jitteredRetryInterval()));
                }
            }
            finally {
                line.passTurn();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw RecordProblem.lockTimeout("interrupted while waiting for the lock of " + key);
        }
        finally {
            waitingLines.leave(key.lock());
        }
    }

    /** Python's {@code release()}; {@code lock-not-held} when the token does not hold the lock. */
    void release(MemoryKey key, String token) {
        List<Object> reply = redis.execute(release, List.of(key.memory(), key.lock()), token);
        switch ((String) reply.get(0)) {
            case "released" -> waitingLines.released(key.lock());
            case "not-found" -> throw key.notFound();
            default -> throw key.lockNotHeld(token);
        }
    }

    private long jitteredRetryInterval() {
        long interval = properties.retryInterval().toNanos();
        return ThreadLocalRandom.current().nextLong(interval / 2, interval + interval / 2 + 1);
    }

    private static Duration limited(String field, Long millis, Duration byDefault, Duration max, String setting) {
        if (millis == null) {
            return byDefault;
        }
        if (millis > max.toMillis()) {
            throw RecordProblem.limitExceeded(field + " " + millis + " exceeds the limit of " + max.toMillis()
                    + " ms (mp-ensemble.records.shared-memory.lock." + setting + ")");
        }
        return Duration.ofMillis(millis);
    }

    private static RecordProblem timedOut(MemoryKey key, Duration timeout) {
        return RecordProblem.lockTimeout("the lock of " + key + " is held; not acquired within " + timeout.toMillis()
                + " ms");
    }
}
