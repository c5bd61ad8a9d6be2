package io.mpensemble.recordservice.lock;

import static io.mpensemble.recordservice.Api.assertProblem;
import static io.mpensemble.recordservice.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.Api.Reply;
import io.mpensemble.recordservice.RecordServiceTest;

/** {@code get_lock()} of Values and Arrays over HTTP against a real Redis: one holder at a time, leases, tokens. */
@RecordServiceTest
class LockApiTest {

    @Autowired
    Api api;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void oneHolderAtATimeUntilItReleases() {
        String id = createValue("i", "0");
        String lock = "/api/values/" + id + "/lock";
        Reply acquired = api.post(lock, "{}");
        assertThat(acquired.status()).as(acquired.toString()).isEqualTo(200);
        String token = acquired.json().get("token").asString();
        assertThat(token).isNotBlank();
        assertThat(acquired.json().get("leaseMs").asLong()).as("the documented default").isEqualTo(30_000);
        assertThat(redis.getExpire("mp:value:" + id + ":lock", TimeUnit.MILLISECONDS)).isBetween(25_000L, 30_000L);

        Reply busy = api.post(lock, "{\"timeoutMs\": 0}");
        assertProblem(busy, 409, "lock-timeout");
        assertThat(busy.detail()).isEqualTo("the lock of Value " + id + " is held; not acquired within 0 ms");

        Reply stranger = api.delete(lock, "Lock-Token", "not-" + token);
        assertProblem(stranger, 409, "lock-not-held");
        assertThat(stranger.detail()).isEqualTo("the Lock-Token 'not-" + token + "' does not hold the lock of Value "
                + id + " (never did, released, or its lease expired)");
        assertThat(api.delete(lock, "Lock-Token", token).status()).isEqualTo(204);
        assertProblem(api.delete(lock, "Lock-Token", token), 409, "lock-not-held");

        Reply again = api.post(lock, "{\"timeoutMs\": 0}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("token").asString()).isNotEqualTo(token);
    }

    @Test
    void anAcquireWaitsForTheReleaseOrUntilItsTimeout() throws Exception {
        String id = createValue("i", "0");
        String lock = "/api/values/" + id + "/lock";
        String token = acquire(lock, "{}");

        long start = System.nanoTime();
        assertProblem(api.post(lock, "{\"timeoutMs\": 300}"), 409, "lock-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300),
                Duration.ofSeconds(3));

        CompletableFuture<Reply> waiter = CompletableFuture.supplyAsync(() -> api.post(lock, "{\"timeoutMs\": 10000}"));
        Thread.sleep(300);
        assertThat(waiter).as("still waiting while the lock is held").isNotDone();
        long released = System.nanoTime();
        assertThat(api.delete(lock, "Lock-Token", token).status()).isEqualTo(204);
        assertThat(waiter.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - released)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aLeaseRunsOutInRedisSoACrashedHolderBlocksNobodyLonger() {
        String id = createValue("i", "1");
        String lock = "/api/values/" + id + "/lock";
        String crashed = acquire(lock, "{\"leaseMs\": 400}");

        long start = System.nanoTime();
        String next = acquire(lock, "{\"timeoutMs\": 10000}");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250),
                Duration.ofSeconds(3));

        assertProblem(api.put("/api/values/" + id, "{\"value\": 2}", "Lock-Token", crashed), 409, "lock-not-held");
        assertProblem(api.delete(lock, "Lock-Token", crashed), 409, "lock-not-held");
        assertThat(value(id)).isEqualTo(json("1"));
        assertThat(api.put("/api/values/" + id, "{\"value\": 2}", "Lock-Token", next).status()).isEqualTo(200);
        assertThat(value(id)).isEqualTo(json("2"));
    }

    @Test
    void writesWithALockTokenHappenOnlyWhileItHoldsTheLock() {
        String id = createValue("q", "10");
        String path = "/api/values/" + id;
        String token = acquire(path + "/lock", "{}");
        assertThat(api.put(path, "{\"value\": 11}", "Lock-Token", token).status()).isEqualTo(200);
        assertThat(api.post(path + "/add", "{\"delta\": 1}", "Lock-Token", token).json().get("value"))
                .isEqualTo(json("12"));
        assertThat(api.post(path + "/compare-and-set", "{\"expect\": 12, \"update\": 13}", "Lock-Token", token)
                .json().get("swapped").asBoolean()).isTrue();
        assertThat(api.put(path, "{\"value\": 14}").status()).as("the lock binds only writes that name a token, "
                + "as Python's lock binds only code that takes it").isEqualTo(200);

        assertThat(api.delete(path + "/lock", "Lock-Token", token).status()).isEqualTo(204);
        assertProblem(api.put(path, "{\"value\": 99}", "Lock-Token", token), 409, "lock-not-held");
        assertProblem(api.post(path + "/add", "{\"delta\": 1}", "Lock-Token", token), 409, "lock-not-held");
        assertThat(value(id)).isEqualTo(json("14"));
    }

    @Test
    void arraysHaveALockToo() {
        String id = api.post("/api/arrays", "{\"typecode\": \"i\", \"values\": [1, 2, 3]}").json().get("id")
                .asString();
        String path = "/api/arrays/" + id;
        String token = acquire(path + "/lock", "{\"timeoutMs\": 0, \"leaseMs\": 5000}");
        assertProblem(api.post(path + "/lock", "{\"timeoutMs\": 0}"), 409, "lock-timeout");
        assertThat(api.put(path + "/items/0", "{\"value\": 7}", "Lock-Token", token).status()).isEqualTo(200);
        assertThat(api.put(path + "/slice?start=1", "{\"values\": [8, 9]}", "Lock-Token", token).json().get("values"))
                .isEqualTo(json("[7, 8, 9]"));
        assertProblem(api.put(path + "/items/0", "{\"value\": 0}", "Lock-Token", "other"), 409, "lock-not-held");
        assertThat(api.delete(path + "/lock", "Lock-Token", token).status()).isEqualTo(204);
        assertThat(api.get(path).json().get("values")).isEqualTo(json("[7, 8, 9]"));
    }

    @Test
    void deletingAnObjectFreesItsLock() {
        String id = createValue("i", "0");
        String token = acquire("/api/values/" + id + "/lock", "{}");
        assertThat(redis.hasKey("mp:value:" + id + ":lock")).isTrue();
        assertThat(api.delete("/api/values/" + id).status()).isEqualTo(204);
        assertThat(redis.hasKey("mp:value:" + id + ":lock")).isFalse();
        assertProblem(api.post("/api/values/" + id + "/lock", "{}"), 404, "not-found");
        assertProblem(api.delete("/api/values/" + id + "/lock", "Lock-Token", token), 404, "not-found");
        assertProblem(api.post("/api/arrays/a-" + "0".repeat(32) + "/lock", "{}"), 404, "not-found");
        assertThat(redis.hasKey("mp:array:a-" + "0".repeat(32) + ":lock")).as("no lock without its object").isFalse();
    }

    @Test
    void lockRequestsAreCheckedAgainstTheDocumentedLimits() {
        String lock = "/api/values/" + createValue("i", "0") + "/lock";
        assertProblem(api.post(lock, "{\"timeoutMs\": 60001}"), 400, "limit-exceeded");
        Reply lease = api.post(lock, "{\"leaseMs\": 600001}");
        assertProblem(lease, 400, "limit-exceeded");
        assertThat(lease.detail()).isEqualTo("leaseMs 600001 exceeds the limit of 600000 ms "
                + "(mp-ensemble.records.shared-memory.lock.max-lease)");
        assertProblem(api.post(lock, "{\"timeoutMs\": -1}"), 400, "invalid-field");
        assertProblem(api.post(lock, "{\"leaseMs\": 0}"), 400, "invalid-field");
        assertProblem(api.post(lock, "{\"timeoutMs\": 1.5}"), 400, "invalid-body");
        assertProblem(api.post(lock, "{\"timeoutMs\": 1" + "0".repeat(30) + "}"), 400, "invalid-body");
        assertProblem(api.post(lock, "{\"timeout\": 5}"), 400, "invalid-body");
        assertProblem(api.post(lock, "[]"), 400, "invalid-body");
        assertThat(api.delete(lock).status()).as("no Lock-Token header").isEqualTo(400);
        assertThat(redis.hasKey(lock.replace("/api/values/", "mp:value:").replace("/lock", ":lock")))
                .as("no refusal took the lock").isFalse();

        Reply noBody = api.post(lock, null);
        assertThat(noBody.status()).as(noBody.toString()).isEqualTo(200);
        assertThat(noBody.json().get("leaseMs").asLong()).isEqualTo(30_000);
    }

    @Test
    void holdersNeverOverlapAndNoUpdateIsLost() throws Exception {
        String id = createValue("q", "0");
        String path = "/api/values/" + id;
        int clients = 64;
        int rounds = 10;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        long scriptsBefore = scriptCalls();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        String token = acquire(path + "/lock", "{\"timeoutMs\": 60000}");
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        long count = value(id).asLong();
                        Reply put = api.put(path, "{\"value\": " + (count + 1) + "}", "Lock-Token", token);
                        assertThat(put.status()).as(put.toString()).isEqualTo(200);
                        inside.decrementAndGet();
                        assertThat(api.delete(path + "/lock", "Lock-Token", token).status()).isEqualTo(204);
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int holds = clients * rounds;
        double scriptsPerHold = (scriptCalls() - scriptsBefore) / (double) holds;
        System.out.printf("LockApiTest: %d lock holds (acquire, get, put, release) by %d clients in %.2f s: "
                + "%.0f holds/s, %.1f Redis script calls per hold%n", holds, clients, seconds, holds / seconds,
                scriptsPerHold);
        assertThat(mostInside.get()).isEqualTo(1);
        assertThat(value(id).asLong()).isEqualTo(holds);
        assertThat(scriptsPerHold).as("put (2) and release (1) and a few tries to acquire, while 63 others wait: "
                + "waiting does not spin on Redis").isLessThan(20);
    }

    private long scriptCalls() {
        Properties stats = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
        String evalsha = stats.getProperty("cmdstat_evalsha", "calls=0,");
        return Long.parseLong(evalsha.substring("calls=".length(), evalsha.indexOf(',')));
    }

    private String acquire(String lock, String body) {
        Reply reply = api.post(lock, body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("token").asString();
    }

    private String createValue(String typecode, String value) {
        return api.create("/api/values", "{\"typecode\": \"" + typecode + "\", \"value\": " + value + "}");
    }

    private JsonNode value(String id) {
        return api.read("/api/values/" + id, "value");
    }
}
