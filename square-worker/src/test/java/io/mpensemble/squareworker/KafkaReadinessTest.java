package io.mpensemble.squareworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.mpensemble.testsupport.LocalHttp;
import io.mpensemble.testsupport.LocalHttpConfiguration;
import io.mpensemble.testsupport.LocalPorts;
import io.mpensemble.testsupport.TcpForwarder;

/**
 * square-worker starts without its broker, says so on its readiness endpoint, and becomes ready by itself once a real
 * broker appears on the configured address, and unready again when it goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mp-ensemble.kafka.health-timeout=1s")
@Import(LocalHttpConfiguration.class)
class KafkaReadinessTest {

    static final int KAFKA_PORT = LocalPorts.free();

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORT);
    }

    @Autowired
    LocalHttp http;

    private EmbeddedKafkaKraftBroker broker;
    private TcpForwarder bootstrap;

    @Test
    void readinessFollowsTheBroker() throws IOException {
        HttpResponse<String> down = http.get("/actuator/health/readiness");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"kafka\"").contains("\"status\":\"DOWN\"")
                .contains("localhost:" + KAFKA_PORT).contains("reason");
        assertThat(http.get("/actuator/health/liveness").statusCode()).as("alive, not crash-looping").isEqualTo(200);

        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        // The KRaft test broker picks its own port (it ignores kafkaPorts()), so the configured bootstrap address
        // starts forwarding to it; the client then talks to the broker's advertised address as it would anywhere.
        bootstrap = TcpForwarder.start(KAFKA_PORT, broker.getBrokersAsString());
        // the ready answer itself names the cluster (a second look could meet a health check slowed past its 1 s)
        HttpResponse<String> up = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/actuator/health/readiness"), ready -> ready.statusCode() == 200);
        assertThat(up.body()).contains("clusterId");

        broker.destroy();
        broker = null;
        bootstrap.close();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> http.get("/actuator/health/readiness").statusCode() == 503);
    }

    @AfterEach
    void stopBroker() throws IOException {
        if (broker != null) {
            broker.destroy();
        }
        if (bootstrap != null) {
            bootstrap.close();
        }
    }
}
