package io.mpensemble.support.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.mpensemble.api.square.SquareTopics;

/**
 * Creates the pipeline's task topic explicitly (the broker never auto-creates) in every service that uses them, whichever
 * starts first, as {@link SquareProperties} says.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaAdmin.class)
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(SquareProperties.class)
public class SquareTopicsAutoConfiguration {

    @Bean
    NewTopic squareTasksTopic(SquareProperties square) {
        return TopicBuilder.name(SquareTopics.TASKS).partitions(square.partitions())
                .replicas(square.replicationFactor()).build();
    }
}
