package io.mpensemble.recordservice.manager;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.manager.ManagerState.ManagedObject;

/**
 * Manager sessions, the ensemble's {@code multiprocessing.Manager()}: each groups lists and dicts and frees them all
 * when it is shut down or its time-to-live runs out.
 */
@Component
public class Managers {

    private final StringRedisTemplate redis;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> script;
    private final ManagerProperties limits;

    Managers(StringRedisTemplate redis,
            @SuppressWarnings("rawtypes") @Qualifier("managerScript") RedisScript<List> script,
            ManagerProperties limits) {
        this.redis = redis;
        this.script = script;
        this.limits = limits;
    }

    /** {@code Manager().start()}: a new, empty session living for {@code ttlSeconds} (or the default). */
    public ManagerState start(BigInteger ttlSeconds) {
        Duration ttl = ttlSeconds == null ? limits.defaultTtl() : ttl(ttlSeconds);
        ManagerKeys keys = new ManagerKeys("m-" + UUID.randomUUID().toString().replace("-", ""));
        List<Object> reply = run(keys, "start", String.valueOf(ttl.toMillis()));
        return new ManagerState(keys.id(), instant(reply.get(1)), List.of());
    }

    /** The session and the objects it holds. */
    public ManagerState describe(String id) {
        List<Object> reply = run(ManagerKeys.of(id), "describe");
        List<ManagedObject> objects = ((List<?>) reply.get(2)).stream()
                .map(entry -> ((String) entry).split(":", 2))
                .map(kindAndId -> new ManagedObject(kindAndId[1], kindAndId[0]))
                .toList();
        return new ManagerState(id, instant(reply.get(1)), objects);
    }

    /** {@code manager.shutdown()}: the session and every object in it are gone. */
    public void shutdown(String id) {
        run(ManagerKeys.of(id), "shutdown");
    }

    public static RecordProblem notFound(String id) {
        return RecordProblem.notFound("no manager '" + id + "': never started, shut down, or its time-to-live ran out");
    }

    /** The problem a list or dict script reports when its session already holds {@code maxObjects} objects. */
    public static RecordProblem tooManyObjects(String id, int maxObjects) {
        return RecordProblem.limitExceeded("manager '" + id + "' already holds " + maxObjects + " objects, the limit "
                + "(" + ManagerProperties.setting("max-objects") + ")");
    }

    private Duration ttl(BigInteger seconds) {
        if (seconds.compareTo(BigInteger.valueOf(limits.maxTtl().toSeconds())) > 0) {
            throw RecordProblem.limitExceeded("ttlSeconds " + seconds + " is more than the limit of "
                    + limits.maxTtl().toSeconds() + " (" + ManagerProperties.setting("max-ttl") + ")");
        }
        return Duration.ofSeconds(seconds.longValueExact());
    }

    private List<Object> run(ManagerKeys keys, String operation, String... args) {
        @SuppressWarnings("unchecked")
        List<Object> reply = redis.execute(script, keys.all(), argv(operation, args));
        if ("not-found".equals(reply.get(0))) {
            throw notFound(keys.id());
        }
        return reply;
    }

    private static Object[] argv(String operation, String... args) {
        Object[] argv = new Object[args.length + 1];
        argv[0] = operation;
        System.arraycopy(args, 0, argv, 1, args.length);
        return argv;
    }

    private static Instant instant(Object epochMillis) {
        return Instant.ofEpochMilli(Long.parseLong((String) epochMillis));
    }
}
