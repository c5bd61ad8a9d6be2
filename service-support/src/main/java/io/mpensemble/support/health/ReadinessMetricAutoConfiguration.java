package io.mpensemble.support.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * {@code mp.ensemble.readiness}: 1 while the service's readiness group ({@code /actuator/health/readiness}) is UP,
 * else 0, so a dashboard shows readiness next to the service's other metrics. Computed at each scrape.
 */
@AutoConfiguration
@ConditionalOnClass({ MeterBinder.class, HealthEndpoint.class })
public class ReadinessMetricAutoConfiguration {

    static final String READINESS = "mp.ensemble.readiness";

    @Bean
    MeterBinder readinessMetric(ObjectProvider<HealthEndpoint> health) {
        return registry -> Gauge.builder(READINESS, health, ReadinessMetricAutoConfiguration::ready)
            .description("1 while /actuator/health/readiness is UP, else 0")
            .register(registry);
    }

    static double ready(ObjectProvider<HealthEndpoint> health) {
        HealthEndpoint endpoint = health.getIfAvailable();
        HealthDescriptor readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
        return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
    }
}
