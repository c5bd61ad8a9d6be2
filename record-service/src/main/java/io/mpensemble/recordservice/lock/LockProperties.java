package io.mpensemble.recordservice.lock;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The locks of Values and Arrays ({@code mp-ensemble.records.shared-memory.lock.*}).
 *
 * @param defaultTimeout how long an acquire waits when the request names no {@code timeoutMs}
 * @param maxTimeout the longest {@code timeoutMs} a request may ask for
 * @param defaultLease how long a lock is held when the request names no {@code leaseMs}
 * @param maxLease the longest {@code leaseMs} a request may ask for
 * @param retryInterval how often, on average, the first acquire waiting in line in this process tries Redis again
 *        (others wait behind it; a release through this process wakes it at once)
 */
@ConfigurationProperties("mp-ensemble.records.shared-memory.lock")
public record LockProperties(@DefaultValue("10s") Duration defaultTimeout, @DefaultValue("60s") Duration maxTimeout,
        @DefaultValue("30s") Duration defaultLease, @DefaultValue("10m") Duration maxLease,
        @DefaultValue("10ms") Duration retryInterval) {
}
