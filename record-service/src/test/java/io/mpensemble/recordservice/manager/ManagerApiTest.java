package io.mpensemble.recordservice.manager;

import static io.mpensemble.recordservice.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.RecordServiceTest;

/** Manager sessions over HTTP against a real Redis: start, describe, shut down, and a time-to-live that runs out. */
@RecordServiceTest
class ManagerApiTest {

    @Autowired
    Api api;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void startsASessionWithTheDefaultTimeToLive() {
        Api.Reply reply = api.post("/api/managers", "{}");
        JsonNode session = reply.ok(201);
        String id = session.get("id").asString();
        assertThat(id).matches("m-[0-9a-f]{32}");
        assertThat(reply.location()).hasValue("/api/managers/" + id);
        assertThat(session.get("objects")).isEqualTo(json("[]"));
        assertThat(Instant.parse(session.get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(10, ChronoUnit.SECONDS));

        assertThat(api.get("/api/managers/" + id).ok()).isEqualTo(session);
    }

    @Test
    void startsWithoutABodyOrWithItsOwnTimeToLive() {
        assertThat(api.create("/api/managers", null)).startsWith("m-");
        JsonNode session = api.post("/api/managers", "{\"ttlSeconds\": 86400}").ok(201);
        assertThat(Instant.parse(session.get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(1)), within(10, ChronoUnit.SECONDS));
        assertThat(redis.getExpire("mp:manager:" + session.get("id").asString())).isBetween(86390L, 86400L);
    }

    @Test
    void refusesATimeToLiveBeyondTheLimitOrNotAPositiveInteger() {
        api.post("/api/managers", "{\"ttlSeconds\": 86401}").problem(400, "limit-exceeded",
                "ttlSeconds 86401 is more than the limit of 86400 (mp-ensemble.records.manager.max-ttl)");
        api.post("/api/managers", "{\"ttlSeconds\": 100000000000000000000000}").problem(400, "limit-exceeded");
        api.post("/api/managers", "{\"ttlSeconds\": 0}").problem(400, "invalid-field");
        api.post("/api/managers", "{\"ttlSeconds\": -5}").problem(400, "invalid-field");
        api.post("/api/managers", "{\"ttlSeconds\": 1.5}").problem(400, "invalid-body");
        api.post("/api/managers", "{\"ttlSeconds\": \"60\"}").problem(400, "invalid-body");
        api.post("/api/managers", "{\"ttl\": 60}").problem(400, "invalid-body");
        api.post("/api/managers", "[60]").problem(400, "invalid-body");
        api.post("/api/managers", "{\"ttlSeconds\": 60").problem(400, "invalid-body");
    }

    @Test
    void describesItsObjectsInCreationOrder() {
        String id = start("{}");
        String list = api.create("/api/managers/" + id + "/lists", "{\"values\": [1]}");
        String dict = api.create("/api/managers/" + id + "/dicts", null);
        String empty = api.create("/api/managers/" + id + "/lists", null);

        assertThat(api.get("/api/managers/" + id).ok().get("objects")).isEqualTo(json("""
                [{"id": "%s", "kind": "list"}, {"id": "%s", "kind": "dict"}, {"id": "%s", "kind": "list"}]
                """.formatted(list, dict, empty)));
    }

    @Test
    void shutdownFreesEveryObjectAndEveryKey() {
        String id = start("{}");
        String list = api.create("/api/managers/" + id + "/lists", "{\"values\": [1, [\"Sam\", 10]]}");
        String emptyList = api.create("/api/managers/" + id + "/lists", null);
        String dict = api.create("/api/managers/" + id + "/dicts", "{\"entries\": {\"a\": 1}}");
        String other = start("{}");
        String survivor = api.create("/api/managers/" + other + "/lists", "{\"values\": [2]}");
        assertThat(keysOf(id, list, emptyList, dict)).isNotEmpty();

        assertThat(api.delete("/api/managers/" + id).status()).isEqualTo(204);

        assertThat(keysOf(id, list, emptyList, dict)).isEmpty();
        api.get("/api/managers/" + id).problem(404, "not-found");
        api.get("/api/lists/" + list).problem(404, "not-found");
        api.post("/api/lists/" + emptyList + "/append", "{\"value\": 1}").problem(404, "not-found");
        api.get("/api/dicts/" + dict).problem(404, "not-found");
        api.put("/api/dicts/" + dict + "/entries/b", "{\"value\": 1}").problem(404, "not-found");
        api.post("/api/managers/" + id + "/lists").problem(404, "not-found");
        api.delete("/api/managers/" + id).problem(404, "not-found");
        assertThat(keysOf(id, list, emptyList, dict)).as("nothing re-created by the refused writes").isEmpty();
        assertThat(api.get("/api/lists/" + survivor).ok().get("values")).isEqualTo(json("[2]"));
    }

    @Test
    void whenTheTimeToLiveRunsOutEveryKeyIsGone() {
        String id = start("{\"ttlSeconds\": 3}");
        String list = api.create("/api/managers/" + id + "/lists", "{\"values\": [1]}");
        String dict = api.create("/api/managers/" + id + "/dicts", "{\"entries\": {\"a\": 1}}");
        // Emptied and re-created in Redis: the new keys must expire with the session too.
        api.post("/api/lists/" + list + "/pop").ok();
        api.post("/api/lists/" + list + "/append", "{\"value\": 2}").ok();
        api.post("/api/dicts/" + dict + "/clear").ok(204);
        api.put("/api/dicts/" + dict + "/entries/b", "{\"value\": 2}").ok();
        Set<String> keys = keysOf(id, list, dict);
        assertThat(keys).hasSize(8);
        keys.forEach(key -> assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as(key).isBetween(1L, 3000L));

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/managers/" + id).status() == 404);
        api.get("/api/lists/" + list).problem(404, "not-found");
        api.get("/api/dicts/" + dict + "/length").problem(404, "not-found");
        api.post("/api/managers/" + id + "/dicts").problem(404, "not-found");
        assertThat(keysOf(id, list, dict)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "m-00000000000000000000000000000000", "m-0:keys", "l-0"})
    void anUnknownSessionIsNotFound(String id) {
        api.get("/api/managers/" + id).problem(404, "not-found");
        api.delete("/api/managers/" + id).problem(404, "not-found");
        api.post("/api/managers/" + id + "/lists").problem(404, "not-found");
        api.post("/api/managers/" + id + "/dicts").problem(404, "not-found");
    }

    private String start(String body) {
        return api.create("/api/managers", body);
    }

    /** Every Redis key naming one of these ids. */
    private Set<String> keysOf(String... ids) {
        Set<String> keys = redis.keys("mp:*");
        return Set.copyOf(keys.stream().filter(key -> List.of(ids).stream().anyMatch(key::contains)).toList());
    }
}
