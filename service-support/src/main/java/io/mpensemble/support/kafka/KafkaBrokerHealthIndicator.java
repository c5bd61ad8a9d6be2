package io.mpensemble.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Readiness of a service that needs Kafka: UP while the broker answers a cluster description within the timeout,
 * DOWN with the reason otherwise. One long-lived admin client is reused, so it reconnects by itself when the broker
 * comes back, and a probe never blocks longer than the timeout.
 */
public class KafkaBrokerHealthIndicator implements HealthIndicator, DisposableBean {

    private final Admin admin;
    private final String bootstrapServers;
    private final Duration timeout;

    public KafkaBrokerHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        Object servers = adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        this.bootstrapServers = servers instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : String.valueOf(servers);
        this.timeout = timeout;
        this.admin = Admin.create(adminConfig);
    }

    @Override
    public Health health() {
        DescribeClusterResult cluster = admin.describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        try {
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up()
                    .withDetail("bootstrapServers", bootstrapServers)
                    .withDetail("clusterId", clusterId)
                    .withDetail("brokers", brokers)
                    .build();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return down("interrupted while asking the broker");
        }
        catch (TimeoutException ex) {
            return down("no answer from Kafka at " + bootstrapServers + " within " + timeout.toMillis() + " ms");
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            return down("Kafka at " + bootstrapServers + " is unreachable: " + cause.getMessage());
        }
    }

    private Health down(String reason) {
        return Health.down().withDetail("bootstrapServers", bootstrapServers).withDetail("reason", reason).build();
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
