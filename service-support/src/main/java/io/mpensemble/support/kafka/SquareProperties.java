package io.mpensemble.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The square pipeline's task topic ({@code mp-ensemble.square.*}), created by whichever of the gateway and
 * square-worker starts first. Boxed so that an environment variable set but empty (as {@code application.yaml} passes
 * {@code SQUARE_TASK_PARTITIONS} on when it is unset) means the default.
 *
 * @param partitions the task topic's partitions: they bound how many square-workers work one job at once
 * @param replicationFactor the task topic's replication factor
 */
@ConfigurationProperties("mp-ensemble.square")
public record SquareProperties(@DefaultValue("4") Integer partitions, @DefaultValue("1") Short replicationFactor) {
}
