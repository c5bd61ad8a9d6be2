package io.mpensemble.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.mpensemble.testsupport.LocalHttp;
import io.mpensemble.testsupport.LocalHttpConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The named-queue API as an HTTP client sees it, on a real KRaft broker with share groups: put and get in order, Empty,
 * Full, close, task_done and join, and every bad input a 4xx problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mp-ensemble.queues.depth-interval=200ms")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers",
        brokerProperties = { "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1", "auto.create.topics.enable=false" })
@Import(LocalHttpConfiguration.class)
class QueueApiTest {

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    LocalHttp http;

    @Test
    void itemsComeOutInTheOrderTheyWerePutThenTheQueueIsEmpty() {
        String q = create("{\"name\": \"ordered\"}");
        // there, at zero, before the first put: a dashboard's rate() sees the first puts
        assertThat(meters.get("mp.ensemble.queue.puts").tag("queue", q).counter().count()).isZero();
        assertThat(meters.get("mp.ensemble.queue.gets").tag("queue", q).counter().count()).isZero();
        assertThat(post("/api/queues/" + q + "/put", "{\"item\": 1}").body()).isEqualTo("{\"put\":1}");
        post("/api/queues/" + q + "/put", "{\"item\": \"two\"}");
        post("/api/queues/" + q + "/put", "{\"item\": {\"a\": [1, null, 2.5]}}");
        post("/api/queues/" + q + "/put", "{\"item\": null}");
        assertThat(post("/api/queues/" + q + "/put", "{\"items\": [[\"Sam\", 10], 123456789012345678901234567890]}")
                .body()).isEqualTo("{\"put\":2}");
        assertThat(http.get("/api/queues/" + q + "/qsize").body()).isEqualTo("{\"qsize\":6}");
        assertThat(http.get("/api/queues/" + q + "/empty").body()).isEqualTo("{\"empty\":false}");

        List<String> got = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> item = post("/api/queues/" + q + (i % 2 == 0 ? "/get?timeout=10" : "/get?timeout=0"),
                    "");
            assertThat(item.statusCode()).isEqualTo(200);
            got.add(item.body());
        }
        assertThat(got).containsExactly("{\"item\":1}", "{\"item\":\"two\"}", "{\"item\":{\"a\":[1,null,2.5]}}",
                "{\"item\":null}", "{\"item\":[\"Sam\",10]}", "{\"item\":123456789012345678901234567890}");

        assertProblem(post("/api/queues/" + q + "/get_nowait", ""), 409, "empty", "Empty");
        long start = System.nanoTime();
        assertProblem(post("/api/queues/" + q + "/get?timeout=0.5", ""), 409, "empty", "Empty");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(http.get("/api/queues/" + q + "/qsize").body()).isEqualTo("{\"qsize\":0}");
        assertThat(http.get("/api/queues/" + q + "/empty").body()).isEqualTo("{\"empty\":true}");
        assertThat(meters.get("mp.ensemble.queue.puts").tag("queue", q).counter().count()).isEqualTo(6);
        assertThat(meters.get("mp.ensemble.queue.gets").tag("queue", q).counter().count()).isEqualTo(6);
    }

    @Test
    void theDepthGaugeFollowsEveryQueuesSizeAndGoesWithTheQueue() {
        String q = create("{\"name\": \"deep\"}");
        post("/api/queues/" + q + "/put", "{\"items\": [1, 2, 3]}");
        awaitDepth(q, 3.0);
        assertThat(post("/api/queues/" + q + "/get?timeout=10", "").body()).isEqualTo("{\"item\":1}");
        awaitDepth(q, 2.0);
        assertThat(http.delete("/api/queues/" + q).statusCode()).isEqualTo(204);
        awaitDepth(q, null);
    }

    private void awaitDepth(String queue, Double expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Double depth;
        do {
            var gauge = meters.find("mp.ensemble.queue.depth").tag("queue", queue).gauge();
            depth = gauge == null ? null : gauge.value();
            if (java.util.Objects.equals(depth, expected)) {
                return;
            }
            sleep(100);
        }
        while (System.nanoTime() < deadline);
        assertThat(depth).as("mp.ensemble.queue.depth of " + queue).isEqualTo(expected);
    }

    @Test
    void concurrentPutsNeverOverfillABoundedQueueAndConcurrentTaskDonesNeverOvercount() throws Exception {
        String q = create("{\"maxsize\": 5, \"joinable\": true}");
        List<CompletableFuture<HttpResponse<String>>> puts = IntStream.range(0, 20)
                .mapToObj(i -> postAsync("/api/queues/" + q + "/put", "{\"item\": " + i + ", \"timeout\": 1}"))
                .toList();
        long put = puts.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
        assertThat(put).isEqualTo(5);
        assertThat(puts.stream().map(CompletableFuture::join).filter(r -> r.statusCode() != 200))
                .allSatisfy(r -> assertProblem(r, 409, "full", "Full"));
        assertThat(http.get("/api/queues/" + q + "/qsize").body()).isEqualTo("{\"qsize\":5}");

        List<CompletableFuture<HttpResponse<String>>> dones = IntStream.range(0, 20)
                .mapToObj(i -> postAsync("/api/queues/" + q + "/task_done", "")).toList();
        assertThat(dones.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 204).count())
                .isEqualTo(5);
        assertThat(dones.stream().map(CompletableFuture::join).filter(r -> r.statusCode() != 204))
                .allSatisfy(r -> assertProblem(r, 400, "value-error", "ValueError"));
        assertThat(post("/api/queues/" + q + "/join?timeout=0", "").body())
                .isEqualTo("{\"joined\":true,\"unfinishedTasks\":0}");
    }

    @Test
    void aBlockedGetReceivesTheNextPut() {
        String q = create("{}");
        CompletableFuture<HttpResponse<String>> waiting = postAsync("/api/queues/" + q + "/get?timeout=20", "");
        sleep(500);
        assertThat(waiting).isNotDone();
        post("/api/queues/" + q + "/put", "{\"item\": \"late\"}");
        assertThat(waiting.join().body()).isEqualTo("{\"item\":\"late\"}");
    }

    @Test
    void aFullBoundedQueueRefusesPastTheTimeoutAndTakesThePutWhenAGetFreesASlot() {
        String q = create("{\"maxsize\": 2}");
        post("/api/queues/" + q + "/put", "{\"items\": [1, 2]}");
        assertThat(http.get("/api/queues/" + q + "/full").body()).isEqualTo("{\"full\":true}");
        assertProblem(post("/api/queues/" + q + "/put", "{\"item\": 3, \"block\": false}"), 409, "full", "Full");
        long start = System.nanoTime();
        assertProblem(post("/api/queues/" + q + "/put", "{\"item\": 3, \"timeout\": 0.3}"), 409, "full", "Full");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertProblem(post("/api/queues/" + q + "/put", "{\"items\": [1, 2, 3]}"), 400, "invalid-field",
                "Invalid field");

        CompletableFuture<HttpResponse<String>> blocked = postAsync("/api/queues/" + q + "/put",
                "{\"item\": 3, \"timeout\": 30}");
        sleep(500);
        assertThat(blocked).isNotDone();
        assertThat(post("/api/queues/" + q + "/get", "").body()).isEqualTo("{\"item\":1}");
        assertThat(blocked.join().statusCode()).isEqualTo(200);
        assertThat(post("/api/queues/" + q + "/get", "").body()).isEqualTo("{\"item\":2}");
        assertThat(post("/api/queues/" + q + "/get", "").body()).isEqualTo("{\"item\":3}");
        assertThat(http.get("/api/queues/" + q + "/full").body()).isEqualTo("{\"full\":false}");
    }

    @Test
    void afterCloseBothPutAndGetAreTheClosedValueError() {
        String q = create("{}");
        post("/api/queues/" + q + "/put", "{\"item\": 1}");
        assertThat(post("/api/queues/" + q + "/close", "").statusCode()).isEqualTo(204);
        assertProblem(post("/api/queues/" + q + "/put", "{\"item\": 2}"), 409, "queue-closed", "ValueError");
        assertProblem(post("/api/queues/" + q + "/get", ""), 409, "queue-closed", "ValueError");
        assertProblem(post("/api/queues/" + q + "/get_nowait", ""), 409, "queue-closed", "ValueError");
        assertThat(json(http.get("/api/queues/" + q)).get("closed").asBoolean()).isTrue();
    }

    @Test
    void joinWaitsForATaskDoneOfEveryItemAndOneTooManyIsAValueError() {
        String q = create("{\"joinable\": true}");
        post("/api/queues/" + q + "/put", "{\"items\": [\"a\", \"b\"]}");
        assertThat(post("/api/queues/" + q + "/join?timeout=0.2", "").body())
                .isEqualTo("{\"joined\":false,\"unfinishedTasks\":2}");
        CompletableFuture<HttpResponse<String>> joining = postAsync("/api/queues/" + q + "/join?timeout=30", "");
        for (int i = 0; i < 2; i++) {
            post("/api/queues/" + q + "/get", "");
            sleep(200);
            assertThat(joining).isNotDone();
            assertThat(post("/api/queues/" + q + "/task_done", "").statusCode()).isEqualTo(204);
        }
        assertThat(joining.join().body()).isEqualTo("{\"joined\":true,\"unfinishedTasks\":0}");
        HttpResponse<String> tooMany = post("/api/queues/" + q + "/task_done", "");
        assertProblem(tooMany, 400, "value-error", "ValueError");
        assertThat(json(tooMany).get("detail").asString()).contains("task_done() called too many times");

        String plain = create("{}");
        assertProblem(post("/api/queues/" + plain + "/task_done", ""), 400, "attribute-error", "AttributeError");
        assertProblem(post("/api/queues/" + plain + "/join", ""), 400, "attribute-error", "AttributeError");
    }

    @Test
    void aDrainStreamsTheItemsAsNdjsonUpToMaxOrUntilEmpty() {
        String q = create("{}");
        post("/api/queues/" + q + "/put", "{\"items\": [1, 2, 3, 4, 5]}");
        HttpResponse<String> three = post("/api/queues/" + q + "/drain?max=3", "");
        assertThat(three.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(three.body()).isEqualTo("1\n2\n3\n");
        assertThat(post("/api/queues/" + q + "/drain", "").body()).isEqualTo("4\n5\n");
        assertProblem(post("/api/queues/" + q + "/drain", ""), 409, "empty", "Empty");
    }

    @Test
    void concurrentDrainsWantingFewerThanABatchShareTheItemsEachExactlyOnceAndInOrder() throws Exception {
        String q = create("{}");
        int n = 6_000;
        String items = String.join(",", IntStream.range(0, n).mapToObj(Integer::toString).toList());
        post("/api/queues/" + q + "/put", "{\"items\": [" + items + "]}");
        List<CompletableFuture<List<Integer>>> drains = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        for (int d = 0; d < 3; d++) {
            drains.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> mine = new ArrayList<>();
                while (taken.get() < n) {
                    HttpResponse<String> drained = post("/api/queues/" + q + "/drain?max=333&timeout=1", "");
                    if (drained.statusCode() == 200) {
                        List<Integer> batch = drained.body().lines().map(Integer::valueOf).toList();
                        assertThat(batch).hasSizeLessThanOrEqualTo(333);
                        mine.addAll(batch);
                        taken.addAndGet(batch.size());
                    }
                }
                return mine;
            }));
        }
        List<Integer> all = new ArrayList<>();
        for (CompletableFuture<List<Integer>> drain : drains) {
            List<Integer> mine = drain.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(mine).as("one drain's items, in the order they were put").isSorted();
            all.addAll(mine);
        }
        assertThat(all).hasSize(n).containsExactlyInAnyOrderElementsOf(IntStream.range(0, n).boxed().toList());
    }

    @Test
    void aBigDrainTakesTheItemsInBatchesAndKeepsTheirOrder() {
        String q = create("{}");
        int n = 12_000;
        long start = System.nanoTime();
        for (int from = 0; from < n; from += 6_000) {
            String items = String.join(",", IntStream.range(from, from + 6_000).mapToObj(Integer::toString).toList());
            assertThat(post("/api/queues/" + q + "/put", "{\"items\": [" + items + "]}").body())
                    .isEqualTo("{\"put\":6000}");
        }
        long put = System.nanoTime();
        List<String> lines = new ArrayList<>(List.of(post("/api/queues/" + q + "/drain?max=10000", "").body()
                .split("\n")));
        assertThat(lines).hasSize(10_000);
        lines.addAll(List.of(post("/api/queues/" + q + "/drain?max=10000", "").body().split("\n")));
        long drained = System.nanoTime();
        assertThat(lines).isEqualTo(IntStream.range(0, n).mapToObj(Integer::toString).toList());
        assertThat(http.get("/api/queues/" + q + "/qsize").body()).isEqualTo("{\"qsize\":0}");
        System.out.printf("QUEUE THROUGHPUT: put %d items in %d ms, drained them in %d ms%n", n,
                (put - start) / 1_000_000, (drained - put) / 1_000_000);
    }

    @Test
    void unknownQueuesAre404AndBadInputIs4xxNever5xx() {
        for (HttpResponse<String> response : List.of(post("/api/queues/nosuch/put", "{\"item\": 1}"),
                post("/api/queues/nosuch/get?timeout=0", ""), post("/api/queues/nosuch/get_nowait", ""),
                http.get("/api/queues/nosuch/qsize"), http.get("/api/queues/nosuch"), post("/api/queues/nosuch/close", ""))) {
            assertProblem(response, 404, "not-found", "Not found");
        }
        String q = create("{\"name\": \"dup\"}");
        assertProblem(post("/api/queues", "{\"name\": \"dup\"}"), 409, "queue-exists", "Queue exists");
        assertProblem(post("/api/queues", "{\"name\": \"a.b\"}"), 400, "invalid-field", "Invalid field");
        assertProblem(post("/api/queues", "{\"maxsize\": 1.5}"), 400, "invalid-body", "Invalid request body");
        assertProblem(post("/api/queues/" + q + "/put", "{}"), 400, "invalid-field", "Invalid field");
        assertProblem(post("/api/queues/" + q + "/put", "{\"item\": 1, \"items\": [2]}"), 400, "invalid-field",
                "Invalid field");
        assertProblem(post("/api/queues/" + q + "/put", "{\"items\": []}"), 400, "invalid-field", "Invalid field");
        assertProblem(post("/api/queues/" + q + "/put", "{\"item\": 1, \"timeout\": -1}"), 400, "invalid-field",
                "Invalid field");
        assertProblem(post("/api/queues/" + q + "/put", "{\"item\": 1, \"colour\": 2}"), 400, "invalid-body",
                "Invalid request body");
        assertProblem(post("/api/queues/" + q + "/put", "{\"item\": "), 400, "invalid-body",
                "Invalid request body");
        assertProblem(post("/api/queues/" + q + "/put", "{\"item\": \"" + "x".repeat(70_000) + "\"}"), 400,
                "invalid-field", "Invalid field");
        assertProblem(post("/api/queues/" + q + "/get?timeout=-1", ""), 400, "invalid-field", "Invalid field");
        assertProblem(post("/api/queues/" + q + "/get?timeout=soon", ""), 400, "bad-request", null);
        assertProblem(post("/api/queues/" + q + "/get?timeout=100000", ""), 400, "invalid-field", "Invalid field");
        assertProblem(post("/api/queues/" + q + "/drain?max=0", ""), 400, "invalid-field", "Invalid field");
        assertThat(http.get("/api/queues/" + q + "/qsize").body()).isEqualTo("{\"qsize\":0}");
    }

    @Test
    void anItemWhoseGetterDroppedItsConnectionGoesToTheNextGetter() throws IOException {
        String q = create("{}");
        try (Socket dropped = new Socket("localhost", http.uri("/").getPort())) {
            dropped.getOutputStream().write(("POST /api/queues/" + q + "/get?timeout=20 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            dropped.getOutputStream().flush();
            sleep(500);
            dropped.setSoLinger(true, 0); // close with a reset: the gateway's write of the item fails
        }
        sleep(200);
        post("/api/queues/" + q + "/put", "{\"item\": \"precious\"}");
        assertThat(post("/api/queues/" + q + "/get?timeout=20", "").body()).isEqualTo("{\"item\":\"precious\"}");
        assertProblem(post("/api/queues/" + q + "/get_nowait", ""), 409, "empty", "Empty");
    }

    @Test
    void gettersSeeOnlyCommittedItemsOfATransactionalProducerAsTheSquarePipelinesWorkersAre() {
        String q = create("{}");
        String topic = "mp-ensemble.queue." + q;
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "queue-api-test-" + q);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "p", "\"aborted\""));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "p", "\"committed\""));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "p", "\"open\""));
            producer.flush();
            // left open: no getter may see it while its transaction is undecided
            assertThat(post("/api/queues/" + q + "/get?timeout=10", "").body()).isEqualTo("{\"item\":\"committed\"}");
            assertProblem(post("/api/queues/" + q + "/get?timeout=1", ""), 409, "empty", "Empty");
            producer.abortTransaction();
        }
        assertProblem(post("/api/queues/" + q + "/drain?timeout=1", ""), 409, "empty", "Empty");
    }

    @Test
    void itemsStayUntilTakenAndThoseEveryGetterIsDoneWithAreDeleted() throws Exception {
        String q = create("{}");
        String topic = "mp-ensemble.queue." + q;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("retention.ms").value()).as("no item expires untaken").isEqualTo("-1");
            assertThat(config.get("retention.bytes").value()).isEqualTo("-1");

            String items = String.join(",", IntStream.range(0, 100).mapToObj(Integer::toString).toList());
            post("/api/queues/" + q + "/put", "{\"items\": [" + items + "]}");
            assertThat(post("/api/queues/" + q + "/drain?max=60", "").body().lines()).hasSize(60);
            TopicPartition partition = new TopicPartition(topic, 0);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long earliest;
            do {
                sleep(100);
                earliest = admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).all().get().get(partition)
                        .offset();
            }
            while (earliest < 60 && System.nanoTime() < deadline);
            assertThat(earliest).as("the first item still in Kafka, once 60 are taken").isEqualTo(60);
            assertThat(http.get("/api/queues/" + q + "/qsize").body()).isEqualTo("{\"qsize\":40}");
            assertThat(post("/api/queues/" + q + "/drain", "").body()).isEqualTo(String.join("\n",
                    IntStream.range(60, 100).mapToObj(Integer::toString).toList()) + "\n");
        }
    }

    @Test
    void aDeletedQueueIsGone() {
        String q = create("{}");
        post("/api/queues/" + q + "/put", "{\"item\": 1}");
        assertThat(http.delete("/api/queues/" + q).statusCode()).isEqualTo(204);
        assertProblem(http.get("/api/queues/" + q + "/qsize"), 404, "not-found", "Not found");
    }

    String create(String body) {
        HttpResponse<String> created = post("/api/queues", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("name").asString();
    }

    void assertProblem(HttpResponse<String> response, int status, String slug, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:mp-ensemble:problem:" + slug);
        if (title != null) {
            assertThat(problem.get("title").asString()).isEqualTo(title);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    HttpResponse<String> post(String path, String body) {
        return postAsync(path, body).join();
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
        return http.callAsync(http.postRequest(path, body.isEmpty() ? null : "application/json", body));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
