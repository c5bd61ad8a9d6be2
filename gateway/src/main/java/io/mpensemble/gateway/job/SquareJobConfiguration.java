package io.mpensemble.gateway.job;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import io.mpensemble.api.square.SquareResult;
import io.mpensemble.api.square.SquareTask;
import io.mpensemble.gateway.queue.QueueProperties;

/** The gateway's own Kafka clients for square jobs: a batching task producer and a read-committed result reader. */
@Configuration
class SquareJobConfiguration {

    @Bean
    KafkaTemplate<String, SquareTask> squareTasks(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JacksonJsonSerializer.class);
        config.put(JacksonJsonSerializer.ADD_TYPE_INFO_HEADERS, false);
        // A job is many small records sent at once: batch them.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        var producers = new DefaultKafkaProducerFactory<String, SquareTask>(config);
        producers.addListener(new MicrometerProducerListener<>(meters));
        return new KafkaTemplate<>(producers);
    }

    /**
     * Reads every job's result queue, read-committed, as square-workers commit into it: one pattern subscription
     * that notices a new job's queue within a second.
     */
    @Bean
    ConcurrentMessageListenerContainer<String, SquareResult> squareResults(KafkaProperties kafka, MeterRegistry meters,
            QueueProperties queues, SquareJobs jobs) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        // Only committed results: a worker killed mid-transaction leaves nothing to read twice.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A fresh group per gateway process reads each job queue from its start, so no result is missed.
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "gateway-square-jobs-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1_000);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, JacksonJsonDeserializer.class);
        config.put(JacksonJsonDeserializer.VALUE_DEFAULT_TYPE, SquareResult.class.getName());
        config.put(JacksonJsonDeserializer.USE_TYPE_INFO_HEADERS, false);
        var consumers = new DefaultKafkaConsumerFactory<String, SquareResult>(config);
        // Kafka's own client metrics (records-lag-max among them) on /actuator/prometheus.
        consumers.addListener(new MicrometerConsumerListener<>(meters));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, SquareResult>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        var container = factory.createContainer(
                Pattern.compile(Pattern.quote(queues.topicPrefix()) + SquareJobs.QUEUE_PATTERN));
        container.setupMessageListener((BatchMessageListener<String, SquareResult>) jobs::onResults);
        return container;
    }
}
