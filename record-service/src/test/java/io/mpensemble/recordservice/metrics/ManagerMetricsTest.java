package io.mpensemble.recordservice.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.Api.Reply;
import io.mpensemble.recordservice.RecordServiceTest;

/** The Manager metrics as Prometheus scrapes them: operations by kind, live objects and sessions, lock waits. */
@RecordServiceTest
class ManagerMetricsTest {

    @Autowired
    Api api;

    @Test
    void operationsAreCountedByKindOperationAndOutcome() {
        String value = id(api.post("/api/values", "{\"typecode\": \"i\", \"value\": 1}"));
        api.post("/api/values/" + value + "/add", "{\"delta\": 2}");
        api.post("/api/values/" + value + "/add", "{\"delta\": 3}");
        api.get("/api/values/v-00000000000000000000000000000000");
        String session = id(api.post("/api/managers", "{}"));
        String list = id(api.post("/api/managers/" + session + "/lists", "{\"values\": [1]}"));
        api.post("/api/lists/" + list + "/append", "{\"value\": 2}");

        String scrape = scrape();
        assertThat(sample(scrape, "mp_ensemble_manager_operations_seconds_count",
                "kind=\"value\",operation=\"add\",outcome=\"success\"")).isEqualTo(2);
        assertThat(sample(scrape, "mp_ensemble_manager_operations_seconds_count",
                "kind=\"value\",operation=\"get\",outcome=\"client_error\"")).isEqualTo(1);
        assertThat(sample(scrape, "mp_ensemble_manager_operations_seconds_count",
                "kind=\"list\",operation=\"append\",outcome=\"success\"")).isEqualTo(1);
        assertThat(sample(scrape, "mp_ensemble_manager_operations_seconds_count",
                "kind=\"session\",operation=\"start\",outcome=\"success\"")).isEqualTo(1);
        assertThat(scrape).as("p99 needs buckets").contains("mp_ensemble_manager_operations_seconds_bucket{");
    }

    @Test
    void liveObjectsAndSessionsAreCountedInRedis() throws Exception {
        String session = id(api.post("/api/managers", "{}"));
        id(api.post("/api/managers/" + session + "/dicts", "{\"entries\": {\"a\": 1}}"));
        id(api.post("/api/arrays", "{\"typecode\": \"d\", \"values\": [1.5]}"));
        Thread.sleep(LiveObjects.MAX_AGE.toMillis() + 100);

        String scrape = scrape();
        assertThat(sample(scrape, "mp_ensemble_manager_sessions", "")).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape, "mp_ensemble_manager_objects", "kind=\"dict\"")).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape, "mp_ensemble_manager_objects", "kind=\"array\"")).isGreaterThanOrEqualTo(1);

        api.delete("/api/managers/" + session);
        Thread.sleep(LiveObjects.MAX_AGE.toMillis() + 100);
        assertThat(sample(scrape(), "mp_ensemble_manager_objects", "kind=\"dict\"")).isZero();
    }

    @Test
    void anAcquireThatFindsTheLockHeldIsALockWait() {
        String value = id(api.post("/api/values", "{\"typecode\": \"i\", \"value\": 1}"));
        String lock = "/api/values/" + value + "/lock";
        double timeoutsBefore = sample(scrape(), "mp_ensemble_manager_lock_waits_seconds_count",
                "kind=\"value\",outcome=\"timeout\"");
        Reply first = api.post(lock, "{}");
        assertThat(first.status()).isEqualTo(200);
        Reply busy = api.post(lock, "{\"timeoutMs\": 50}");
        assertThat(busy.status()).isEqualTo(409);

        String scrape = scrape();
        assertThat(sample(scrape, "mp_ensemble_manager_lock_waits_seconds_count",
                "kind=\"value\",outcome=\"timeout\"")).isEqualTo(timeoutsBefore + 1);
        assertThat(sample(scrape, "mp_ensemble_manager_operations_seconds_count",
                "kind=\"lock\",operation=\"acquire\",outcome=\"client_error\"")).isGreaterThanOrEqualTo(1);
    }

    private String scrape() {
        Reply reply = api.get("/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private static String id(Reply created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The value of the sample of NAME whose labels (besides {@code application}) contain LABELS; 0 when absent. */
    private static double sample(String scrape, String name, String labels) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (line.find()) {
            if (line.group(1).contains(labels)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
