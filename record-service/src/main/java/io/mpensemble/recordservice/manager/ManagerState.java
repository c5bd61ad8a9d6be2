package io.mpensemble.recordservice.manager;

import java.time.Instant;
import java.util.List;

/**
 * A manager session and the objects it holds.
 *
 * @param id the session's id
 * @param expiresAt when its time-to-live runs out and every object in it is freed
 * @param objects its lists and dicts, in creation order
 */
public record ManagerState(String id, Instant expiresAt, List<ManagedObject> objects) {

    /**
     * One object a session holds.
     *
     * @param id the object's id, under {@code /api/lists/} or {@code /api/dicts/}
     * @param kind {@code list} or {@code dict}
     */
    public record ManagedObject(String id, String kind) {
    }
}
