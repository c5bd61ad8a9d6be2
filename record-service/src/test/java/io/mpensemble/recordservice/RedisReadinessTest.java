package io.mpensemble.recordservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import redis.embedded.RedisServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * record-service starts without its Redis, says so on its readiness endpoint, and becomes ready by itself once a real
 * Redis server appears on the configured address, and unready again when it goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.data.redis.timeout=1s")
class RedisReadinessTest {

    static final int REDIS_PORT = freePort();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> REDIS_PORT);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private RedisServer redis;

    @Test
    void readinessFollowsRedis() {
        HttpResponse<String> down = get("/actuator/health/readiness");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"redis\"").contains("\"status\":\"DOWN\"")
                .contains("error");
        assertThat(get("/actuator/health/liveness").statusCode()).as("alive, not crash-looping").isEqualTo(200);

        redis = startRedis();
        // the ready answer itself names Redis's version (a second look could meet a slow health check)
        HttpResponse<String> up = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/actuator/health/readiness"), ready -> ready.statusCode() == 200);
        assertThat(up.body()).contains("\"redis\"").contains("version");

        stop(redis);
        redis = null;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> get("/actuator/health/readiness").statusCode() == 503);
    }

    @AfterEach
    void stopRedis() {
        if (redis != null) {
            stop(redis);
        }
    }

    private static RedisServer startRedis() {
        try {
            RedisServer server = RedisServer.newRedisServer().port(REDIS_PORT).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void stop(RedisServer server) {
        try {
            server.stop();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
