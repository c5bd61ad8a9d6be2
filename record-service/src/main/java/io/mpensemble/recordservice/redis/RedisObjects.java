package io.mpensemble.recordservice.redis;

import java.util.List;

import io.mpensemble.recordservice.RecordProblem;

/**
 * What every kind of object record-service keeps in Redis shares (Redisson's {@code RedissonObject}): each operation is
 * one Lua script in {@code scripts/<folder>/}, run atomically on the object's keys, and a script's refusal becomes the
 * typed problem. A kind adds its own operations and, where it has refusals of its own, their problems.
 */
public abstract class RedisObjects {

    private final LuaScripts scripts;
    private final String folder;

    protected RedisObjects(LuaScripts scripts, String folder) {
        this.scripts = scripts;
        this.folder = folder;
    }

    /** Runs {@code operation} on the object's keys; its answer, or the problem it refused with. */
    protected Reply run(ObjectKey key, String operation, Object... args) {
        return run(key, key.keys(), operation, args);
    }

    /**
     * Runs {@code operation} on {@code keys}; {@code subject} is the object a {@code not-found} (or another refusal)
     * speaks of.
     */
    protected Reply run(ObjectKey subject, List<String> keys, String operation, Object... args) {
        Reply reply = scripts.run(folder + "/" + operation, keys, args);
        if (!reply.ok()) {
            throw refusal(subject, reply);
        }
        return reply;
    }

    /** The problem a script's refusal stands for; a kind with refusals of its own maps them first. */
    protected RecordProblem refusal(ObjectKey key, Reply reply) {
        return switch (reply.status()) {
            case "not-found" -> key.notFound();
            case "lock-not-held" -> RecordProblem.lockNotHeld("the Lock-Token '" + reply.text(1) + "' does not hold "
                    + "the lock of " + key + " (never did, released, or its lease expired)");
            case "index-error" -> RecordProblem.indexError(reply.text(1));
            case "value-error" -> RecordProblem.valueError(reply.text(1));
            default -> throw new IllegalStateException(folder + " script answered " + reply);
        };
    }
}
