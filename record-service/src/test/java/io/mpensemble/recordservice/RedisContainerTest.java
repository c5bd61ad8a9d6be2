package io.mpensemble.recordservice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same service against the Redis 7 that docker-compose.yml and k8s/ run, where Docker is there to start it (the
 * other tests use embedded-redis's Redis 6.2 binary, which runs everywhere).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisContainerTest {

    @Container
    @ServiceConnection(name = "redis")
    static final GenericContainer<?> REDIS = new GenericContainer<>("redis:7.4-alpine").withExposedPorts(6379);

    @LocalServerPort
    int port;

    @Test
    void valuesArraysAndListsWorkOnRedis7() {
        Api api = new Api(port);
        String value = api.post("/api/values", "{\"typecode\": \"Q\", \"value\": 18446744073709551614}").json()
                .get("id").asString();
        assertThat(api.post("/api/values/" + value + "/add", "{\"delta\": 1}").json().get("value").toString())
                .isEqualTo("18446744073709551615");
        assertThat(api.post("/api/values/" + value + "/add", "{\"delta\": 1}").problem()).endsWith("out-of-range");

        String array = api.post("/api/arrays", "{\"typecode\": \"f\", \"values\": [0.1, 2]}").json().get("id")
                .asString();
        assertThat(api.get("/api/arrays/" + array).json().get("values").toString())
                .isEqualTo("[0.10000000149011612,2.0]");

        String manager = api.post("/api/managers", "{}").json().get("id").asString();
        String list = api.post("/api/managers/" + manager + "/lists", "{\"values\": [[\"Sam\", 10]]}").json()
                .get("id").asString();
        assertThat(api.post("/api/lists/" + list + "/append", "{\"value\": [\"Jeff\", 8]}").json().get("length")
                .asInt()).isEqualTo(2);
        assertThat(api.delete("/api/managers/" + manager).status()).isEqualTo(204);
        assertThat(api.get("/api/lists/" + list).status()).isEqualTo(404);
    }
}
