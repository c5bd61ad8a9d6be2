package io.mpensemble.recordservice.typecode;

import io.mpensemble.recordservice.RecordProblem;

/**
 * A Value or an Array in Redis.
 *
 * @param kind Value or Array
 * @param id its id, as clients name it
 * @param memory the key of its memory: the typecode's byte, then the elements
 * @param lock the key of its lock (see {@code lock/}), gone with the object
 */
public record MemoryKey(MemoryKind kind, String id, String memory, String lock) {

    MemoryKey(MemoryKind kind, String id, String memory) {
        this(kind, id, memory, memory + ":lock");
    }

    /** The answer when the object does not exist (never created, or deleted). */
    public RecordProblem notFound() {
        return kind.notFound(id);
    }

    /** The answer when a Lock-Token does not hold the object's lock. */
    public RecordProblem lockNotHeld(String token) {
        return RecordProblem.lockNotHeld("the Lock-Token '" + token + "' does not hold the lock of " + this
                + " (never did, released, or its lease expired)");
    }

    /** {@code Value v-…}, for messages. */
    @Override
    public String toString() {
        return kind + " " + id;
    }
}
