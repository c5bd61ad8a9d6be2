package io.mpensemble.recordservice.lock;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;

import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.redis.LuaScripts;
import io.mpensemble.recordservice.redis.ObjectKey;
import io.mpensemble.recordservice.redis.RedisObjects;
import io.mpensemble.recordservice.redis.Reply;

/**
 * The lock of a Value or an Array, with Python's {@code get_lock()} meaning: one holder at a time. The holder is named
 * by a token, and the lock ends by itself when its lease runs out, so a crashed holder blocks nobody for longer. Its
 * key, {@code mp:value:<id>:lock} or {@code mp:array:<id>:lock}, goes with the object; each operation is one script in
 * {@code scripts/lock/}.
 */
@Service
class Locks extends RedisObjects {

    private final LockProperties properties;
    private final WaitingLines waitingLines;
    private final LockWaits waits;

    Locks(LuaScripts scripts, LockProperties properties, WaitingLines waitingLines, LockWaits waits) {
        super(scripts, "lock");
        this.properties = properties;
        this.waitingLines = waitingLines;
        this.waits = waits;
    }

    /** Waits up to the timeout for the lock; {@code lock-timeout} when it stays held that long. */
    LockGrant acquire(ObjectKey key, LockRequest request) {
        Duration timeout = limited("timeoutMs", request.timeoutMs(), properties.defaultTimeout(),
                properties.maxTimeout(), "max-timeout");
        Duration lease = limited("leaseMs", request.leaseMs(), properties.defaultLease(), properties.maxLease(),
                "max-lease");
        String token = UUID.randomUUID().toString();
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        WaitingLines.Line line = waitingLines.join(key.key("lock"));
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
                    Reply reply = run(key, "acquire", token, lease.toMillis());
                    if (reply.flag(1)) {
                        if (waited) {
                            waits.waited(key.kind(), true, System.nanoTime() - started);
                        }
                        return new LockGrant(token, lease.toMillis());
                    }
                    waited = true;
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        waits.waited(key.kind(), false, System.nanoTime() - started);
                        throw timedOut(key, timeout);
                    }
                    // Try again at a release through this process, else after a short sleep: never past the
                    // holder's lease or the timeout.
                    long leaseLeft = Duration.ofMillis(Math.max(0, reply.number(2))).toNanos();
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
            waitingLines.leave(key.key("lock"));
        }
    }

    /** Python's {@code release()}; {@code lock-not-held} when the token does not hold the lock. */
    void release(ObjectKey key, String token) {
        run(key, "release", token);
        waitingLines.released(key.key("lock"));
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

    private static RecordProblem timedOut(ObjectKey key, Duration timeout) {
        return RecordProblem.lockTimeout("the lock of " + key + " is held; not acquired within " + timeout.toMillis()
                + " ms");
    }
}
