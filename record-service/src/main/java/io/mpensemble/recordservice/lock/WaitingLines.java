package io.mpensemble.recordservice.lock;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * The acquires waiting in this process, a line per lock: only the first in line tries Redis, the others wait their
 * turn here, and a release through this process wakes the first at once. So many waiters cost Redis one try per
 * retry interval, not one each. (Waiters in other replicas find the lock free at their next try.)
 */
@Component
class WaitingLines {

    /** One lock's line. */
    static final class Line {

        private final Semaphore turn = new Semaphore(1, true);
        private final Semaphore released = new Semaphore(0);
        private int waiters; // changed only inside ConcurrentHashMap.compute, which locks the key

        /** Takes the turn if nobody is first in line; never waits. */
        boolean tryTurn() throws InterruptedException {
            return turn.tryAcquire(0, TimeUnit.NANOSECONDS);
        }

        /** Waits (first come, first served) until this waiter is first in line; false when the time ran out. */
        boolean awaitTurn(long nanos) throws InterruptedException {
            return turn.tryAcquire(nanos, TimeUnit.NANOSECONDS);
        }

        void passTurn() {
            turn.release();
        }

        /** Forgets releases signalled before now: the try that follows will see them. */
        void forgetReleases() {
            released.drainPermits();
        }

        /** Waits until a release in this process or the time runs out. */
        void awaitRelease(long nanos) throws InterruptedException {
            released.tryAcquire(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private final ConcurrentHashMap<String, Line> lines = new ConcurrentHashMap<>();

    Line join(String lock) {
        return lines.compute(lock, (key, line) -> {
            Line joined = line == null ? new Line() : line;
            joined.waiters++;
            return joined;
        });
    }

    void leave(String lock) {
        lines.computeIfPresent(lock, (key, line) -> --line.waiters == 0 ? null : line);
    }

    void released(String lock) {
        Line line = lines.get(lock);
        if (line != null) {
            line.released.release();
        }
    }
}
