package io.mpensemble.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.mpensemble.api.square.SquareTopics;

/**
 * Creates the pipeline's task topic explicitly (the broker never auto-creates) in every service that uses them, whichever
 * starts first. {@code mp-ensemble.square.partitions} bounds how many square-workers can work one job in parallel.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaAdmin.class)
@ConditionalOnBean(KafkaAdmin.class)
public class SquareTopicsAutoConfiguration {

    @Bean
    NewTopic squareTasksTopic(@Value("${mp-ensemble.square.partitions:4}") int partitions,
            @Value("${mp-ensemble.square.replication-factor:1}") short replicationFactor) {
        return TopicBuilder.name(SquareTopics.TASKS).partitions(partitions).replicas(replicationFactor).build();
    }
}
