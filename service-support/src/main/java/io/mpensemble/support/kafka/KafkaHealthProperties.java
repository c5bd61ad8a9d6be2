package io.mpensemble.support.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code kafka} readiness check ({@code mp-ensemble.kafka.*}).
 *
 * @param healthTimeout the longest a readiness probe waits for the broker to describe its cluster
 */
@ConfigurationProperties("mp-ensemble.kafka")
public record KafkaHealthProperties(@DefaultValue("2s") Duration healthTimeout) {
}
