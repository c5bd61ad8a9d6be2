package io.mpensemble.squareworker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.mpensemble.api.square.SquareTopics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * square-worker against a real KRaft broker: every task put on the task topic comes back once, squared exactly, to a
 * read-committed reader of the job's result queue.
 */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(count = 1, brokerProperties = { "transaction.state.log.replication.factor=1",
    "transaction.state.log.min.isr=1", "offsets.topic.replication.factor=1" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SquarePipelineTest {

    static final int TASKS = 3_000;

    /** Stands in for the job's result queue the gateway would create. */
    static final String RESULT_QUEUE = "mp-ensemble.queue.job-test";

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    @Order(1)
    void everyTaskIsSquaredExactlyOnce() {
        Random random = new Random(4);
        Map<Integer, BigInteger> numbers = new HashMap<>();
        broker.addTopics(new NewTopic(RESULT_QUEUE, 2, (short) 1));
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int index = 0; index < TASKS; index++) {
                BigInteger number = new BigInteger(random.nextInt(1, 300), random);
                numbers.put(index, number);
                producer.send(new ProducerRecord<>(SquareTopics.TASKS, String.valueOf(index),
                        "{\"jobId\": \"job-1\", \"index\": " + index + ", \"number\": " + number
                                + ", \"resultTopic\": \"" + RESULT_QUEUE + "\"}"));
            }
        }

        Map<Integer, BigInteger> squares = new HashMap<>();
        int duplicates = 0;
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "square-pipeline-test",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(RESULT_QUEUE));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (squares.size() < TASKS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode result = json.readTree(record.value());
                    assertThat(record.key()).isEqualTo("job-1");
                    if (squares.put(result.get("index").asInt(), result.get("square").bigIntegerValue()) != null) {
                        duplicates++;
                    }
                }
            }
            // Anything more would be a duplicate: read a little longer to see none comes.
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(2))) {
                duplicates++;
            }
        }
        assertThat(squares).hasSize(TASKS);
        assertThat(duplicates).isZero();
        numbers.forEach((index, number) -> assertThat(squares.get(index)).isEqualTo(number.multiply(number)));
    }

    /** Runs last: the failing batch is retried, then skipped, and would take tasks sent meanwhile with it. */
    @Test
    @Order(2)
    void aBatchThatFailsIsAbortedCountedAndLeavesNoResult() {
        String resultQueue = "mp-ensemble.queue.job-poison";
        broker.addTopics(new NewTopic(resultQueue, 1, (short) 1));
        double committedBefore = transactions("committed");
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // No number to square: the listener fails, after the job's first result went into the transaction.
            producer.send(new ProducerRecord<>(SquareTopics.TASKS, "0", "{\"jobId\": \"job-poison\", \"index\": 0, "
                    + "\"number\": null, \"resultTopic\": \"" + resultQueue + "\"}"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (transactions("aborted") < 1 && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(transactions("aborted")).isGreaterThanOrEqualTo(1);
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "square-pipeline-poison-test",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(resultQueue));
            assertThat(consumer.poll(Duration.ofSeconds(3))).as("results of an aborted batch").isEmpty();
        }
        assertThat(transactions("committed")).isGreaterThanOrEqualTo(committedBefore);
    }

    private double transactions(String outcome) {
        return meters.get("mp.ensemble.square.transactions").tag("outcome", outcome).counter().count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
