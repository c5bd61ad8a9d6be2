package io.mpensemble.support.kafka;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/** Gives every service that uses Kafka the {@code kafka} health contributor its readiness group includes. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({ KafkaAdmin.class, org.springframework.boot.health.contributor.HealthIndicator.class })
@ConditionalOnBean(KafkaAdmin.class)
public class KafkaBrokerHealthAutoConfiguration {

    @Bean
    KafkaBrokerHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            @Value("${mp-ensemble.kafka.health-timeout:2s}") Duration timeout) {
        return new KafkaBrokerHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout);
    }
}
