package io.mpensemble.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.mpensemble.gateway.GatewayApplication;
import io.mpensemble.testsupport.LocalHttp;

/**
 * Two gateway replicas (two application contexts on two ports) on one real broker: each item goes to exactly one of
 * many getters spread over both, a producer's items reach each getter in the order they were put, and a replica that
 * stops loses nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = { "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1", "auto.create.topics.enable=false" })
class QueueReplicasTest {

    private final LocalHttp a;

    @Autowired
    EmbeddedKafkaBroker broker;

    private ConfigurableApplicationContext replicaB;
    private LocalHttp b;

    QueueReplicasTest(@LocalServerPort int portA) {
        this.a = new LocalHttp(portA);
    }

    @BeforeEach
    void startSecondReplica() {
        // Arguments, not default properties: application.yaml's own values would win over those.
        replicaB = new SpringApplicationBuilder(GatewayApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--mp-ensemble.queues.getter-idle=1s");
        b = new LocalHttp(Integer.parseInt(replicaB.getEnvironment().getProperty("local.server.port")));
    }

    @AfterEach
    void stopSecondReplica() {
        if (replicaB != null) {
            replicaB.close();
        }
    }

    @Test
    void everyItemGoesToExactlyOneGetterInPutOrderAcrossReplicas() {
        int n = 300;
        String q = "shared";
        assertThat(post(a, "/api/queues", "{\"name\": \"" + q + "\"}").statusCode()).isEqualTo(201);
        // Each replica's share consumer joins the group on its first get, which takes a moment: one item each first.
        post(a, "/api/queues/" + q + "/put", "{\"items\": [-1, -2]}");
        assertThat(post(a, "/api/queues/" + q + "/get?timeout=30", "").body()).isEqualTo("{\"item\":-1}");
        assertThat(post(b, "/api/queues/" + q + "/get?timeout=30", "").body()).isEqualTo("{\"item\":-2}");
        for (int batch = 0; batch < 3; batch++) {
            String items = String.join(",", IntStream.range(batch * 100, batch * 100 + 100)
                    .mapToObj(Integer::toString).toList());
            LocalHttp replica = batch % 2 == 0 ? a : b;
            assertThat(post(replica, "/api/queues/" + q + "/put", "{\"items\": [" + items + "], \"producer\": \"p\"}")
                    .statusCode()).isEqualTo(200);
        }
        assertThat(b.get("/api/queues/" + q + "/qsize").body()).isEqualTo("{\"qsize\":" + n + "}");

        List<CompletableFuture<List<Integer>>> getters = new ArrayList<>();
        for (LocalHttp replica : List.of(a, a, b, b)) {
            getters.add(CompletableFuture.supplyAsync(() -> getUntilEmpty(replica, q)));
        }
        List<List<Integer>> got = getters.stream().map(CompletableFuture::join).toList();

        List<Integer> all = got.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(n);
        assertThat(new HashSet<>(all)).hasSize(n).containsAll(IntStream.range(0, n).boxed().toList());
        for (List<Integer> one : got) {
            assertThat(one).as("one getter's items, in put order").isSorted();
        }
        assertThat(got.get(0).size() + got.get(1).size()).as("replica A served some").isPositive();
        assertThat(got.get(2).size() + got.get(3).size()).as("replica B served some").isPositive();
    }

    @Test
    void taskDoneCallsThroughBothReplicasAtOnceAreNeverOneTooMany() {
        String q = "tasks";
        post(a, "/api/queues", "{\"name\": \"" + q + "\", \"joinable\": true}");
        post(b, "/api/queues/" + q + "/put", "{\"items\": [1, 2, 3, 4, 5]}");
        for (int round = 0; round < 12; round++) {
            // round 0: five tasks, sixteen calls; then one task, two calls at once, one through each replica
            List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, round == 0 ? 16 : 2)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(i % 2 == 0 ? a : b,
                            "/api/queues/" + q + "/task_done", "")))
                    .toList();
            List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
            assertThat(answers).filteredOn(r -> r.statusCode() == 204).as("round %d: one per unfinished task", round)
                    .hasSize(round == 0 ? 5 : 1);
            assertThat(answers).filteredOn(r -> r.statusCode() != 204)
                    .allSatisfy(r -> assertThat(r.body()).contains("urn:mp-ensemble:problem:value-error"));
            for (LocalHttp replica : List.of(a, b)) {
                assertThat(post(replica, "/api/queues/" + q + "/join?timeout=0", "").body())
                        .isEqualTo("{\"joined\":true,\"unfinishedTasks\":0}");
            }
            post(round % 2 == 0 ? a : b, "/api/queues/" + q + "/put", "{\"item\": " + round + "}");
        }
        assertThat(post(a, "/api/queues/" + q + "/join?timeout=0", "").body())
                .isEqualTo("{\"joined\":false,\"unfinishedTasks\":1}");
    }

    @Test
    void aReplicaThatStopsLosesNoItem() {
        String q = "survivor";
        post(b, "/api/queues", "{\"name\": \"" + q + "\"}");
        post(b, "/api/queues/" + q + "/put", "{\"items\": [1, 2, 3]}");
        assertThat(post(b, "/api/queues/" + q + "/get?timeout=10", "").body()).isEqualTo("{\"item\":1}");
        replicaB.close();
        replicaB = null;
        assertThat(post(a, "/api/queues/" + q + "/get?timeout=10", "").body()).isEqualTo("{\"item\":2}");
        assertThat(post(a, "/api/queues/" + q + "/get?timeout=10", "").body()).isEqualTo("{\"item\":3}");
        assertThat(post(a, "/api/queues/" + q + "/get_nowait", "").statusCode()).isEqualTo(409);
    }

    @Test
    void aGetterThatWentIdleIsReplacedByTheNextGet() {
        String q = "idle";
        post(b, "/api/queues", "{\"name\": \"" + q + "\"}");
        post(b, "/api/queues/" + q + "/put", "{\"items\": [1, 2]}");
        assertThat(post(b, "/api/queues/" + q + "/get?timeout=20", "").body()).isEqualTo("{\"item\":1}");
        QueueApiTest.sleep(2_500); // replica B's getter of this queue (idle after 1 s) has left the share group
        assertThat(post(b, "/api/queues/" + q + "/get?timeout=20", "").body()).isEqualTo("{\"item\":2}");
        assertThat(post(b, "/api/queues/" + q + "/get_nowait", "").statusCode()).isEqualTo(409);
    }

    @Test
    void aCloseThroughOneReplicaIsSeenAtOnceByTheOther() {
        String q = "closing";
        post(a, "/api/queues", "{\"name\": \"" + q + "\"}");
        post(a, "/api/queues/" + q + "/close", "");
        HttpResponse<String> put = post(b, "/api/queues/" + q + "/put", "{\"item\": 1}");
        assertThat(put.statusCode()).isEqualTo(409);
        assertThat(put.body()).contains("urn:mp-ensemble:problem:queue-closed");
    }

    private List<Integer> getUntilEmpty(LocalHttp replica, String q) {
        List<Integer> items = new ArrayList<>();
        while (true) {
            HttpResponse<String> got = post(replica, "/api/queues/" + q + "/get?timeout=3", "");
            if (got.statusCode() == 409) {
                assertThat(got.body()).contains("urn:mp-ensemble:problem:empty");
                return items;
            }
            assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
            items.add(Integer.parseInt(got.body().replace("{\"item\":", "").replace("}", "")));
        }
    }

    private static HttpResponse<String> post(LocalHttp replica, String path, String body) {
        return replica.post(path, "application/json", body);
    }
}
