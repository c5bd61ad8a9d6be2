package io.mpensemble.recordservice.manager;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.manager.ManagerState.ManagedObject;
import io.mpensemble.recordservice.redis.LuaScripts;
import io.mpensemble.recordservice.redis.ObjectKey;
import io.mpensemble.recordservice.redis.ObjectKind;
import io.mpensemble.recordservice.redis.RedisObjects;
import io.mpensemble.recordservice.redis.Reply;

/**
 * Manager sessions, the ensemble's {@code multiprocessing.Manager()}: each groups lists and dicts and frees them all
 * when it is shut down or its time-to-live runs out. Each operation is one script in {@code scripts/manager/}.
 */
@Component
public class Managers extends RedisObjects {

    /** Sessions: {@code mp:manager:<id>} (a hash holding {@code expiresAt}), its objects and their keys. */
    public static final ObjectKind SESSION = new ObjectKind("manager", "m-",
            "no manager '%s': never started, shut down, or its time-to-live ran out", "objects", "keys");

    private final ManagerProperties limits;

    Managers(LuaScripts scripts, ManagerProperties limits) {
        super(scripts, "manager");
        this.limits = limits;
    }

    /** {@code Manager().start()}: a new, empty session living for {@code ttlSeconds} (or the default). */
    public ManagerState start(BigInteger ttlSeconds) {
        Duration ttl = ttlSeconds == null ? limits.defaultTtl() : ttl(ttlSeconds);
        ObjectKey key = SESSION.newKey();
        Reply reply = run(key, "start", ttl.toMillis());
        return new ManagerState(key.id(), instant(reply.text(1)), List.of());
    }

    /** The session and the objects it holds. */
    public ManagerState describe(String id) {
        Reply reply = run(SESSION.key(id), "describe");
        List<ManagedObject> objects = reply.texts(2).stream()
                .map(entry -> entry.split(":", 2))
                .map(kindAndId -> new ManagedObject(kindAndId[1], kindAndId[0]))
                .toList();
        return new ManagerState(id, instant(reply.text(1)), objects);
    }

    /** {@code manager.shutdown()}: the session and every object in it are gone. */
    public void shutdown(String id) {
        run(SESSION.key(id), "shutdown");
    }

    private Duration ttl(BigInteger seconds) {
        if (seconds.compareTo(BigInteger.valueOf(limits.maxTtl().toSeconds())) > 0) {
            throw RecordProblem.limitExceeded("ttlSeconds " + seconds + " is more than the limit of "
                    + limits.maxTtl().toSeconds() + " (" + ManagerProperties.setting("max-ttl") + ")");
        }
        return Duration.ofSeconds(seconds.longValueExact());
    }

    private static Instant instant(String epochMillis) {
        return Instant.ofEpochMilli(Long.parseLong(epochMillis));
    }
}
