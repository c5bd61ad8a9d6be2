package io.mpensemble.support.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Gives every service that uses Kafka the {@code kafka} health contributor its readiness group includes. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({ KafkaAdmin.class, org.springframework.boot.health.contributor.HealthIndicator.class })
@ConditionalOnBean(KafkaAdmin.class)
@EnableConfigurationProperties(KafkaHealthProperties.class)
public class KafkaBrokerHealthAutoConfiguration {

    @Bean
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaHealthProperties properties) {
        return new KafkaBrokerHealthIndicator(kafkaAdmin.getConfigurationProperties(), properties.healthTimeout());
    }
}
