package io.mpensemble.recordservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.mpensemble.recordservice.Api.Reply;

/**
 * record-service starts without its Redis, says so on its readiness endpoint, and becomes ready by itself once a real
 * Redis server appears on the configured address, and unready again when it goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.data.redis.timeout=1s")
class RedisReadinessTest {

    static final int REDIS_PORT = EmbeddedRedis.freePort();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> REDIS_PORT);
    }

    @LocalServerPort
    int port;

    private EmbeddedRedis redis;

    @Test
    void readinessFollowsRedis() {
        Api api = new Api(port);
        Reply down = api.get("/actuator/health/readiness");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.body()).contains("\"redis\"").contains("\"status\":\"DOWN\"")
                .contains("error");
        assertThat(api.get("/actuator/health/liveness").status()).as("alive, not crash-looping").isEqualTo(200);

        redis = EmbeddedRedis.start(REDIS_PORT);
        // the ready answer itself names Redis's version (a second look could meet a slow health check)
        Reply up = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/actuator/health/readiness"), ready -> ready.status() == 200);
        assertThat(up.body()).contains("\"redis\"").contains("version");

        redis.stop();
        redis = null;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/actuator/health/readiness").status() == 503);
    }

    @AfterEach
    void stopRedis() {
        if (redis != null) {
            redis.stop();
        }
    }
}
