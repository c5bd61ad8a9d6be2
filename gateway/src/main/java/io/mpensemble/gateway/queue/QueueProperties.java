package io.mpensemble.gateway.queue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Named queues ({@code mp-ensemble.queues.*}). The two read from environment variables are boxed, so that a variable
 * set but empty (as {@code application.yaml} passes {@code QUEUE_PARTITIONS} on when it is unset) means the default.
 *
 * @param topicPrefix the prefix of each queue's Kafka topics and share group ({@code <prefix><name>})
 * @param partitions the partitions of a queue's item topic: more let more getters work at once; a producer's items
 *        stay in order
 * @param replicationFactor the replication factor of every queue topic
 * @param maxTimeout the longest a put, get or join may block; {@code block=true} without a timeout blocks this long
 *        (an HTTP request cannot wait forever as Python's call can)
 * @param maxBatch the most items one put or drain carries
 * @param drainBatch about how many items a drain's getter takes from Kafka per fetch (Kafka hands out whole record
 *        batches, so a few more or fewer)
 * @param maxItemBytes the most bytes of JSON one item may have
 * @param pollInterval how often a blocked put or join looks at the queue's offsets again
 * @param getterIdle a queue's getter loop in this replica that has had no waiting get for this long leaves the
 *        share group and ends (a closed or deleted queue's among them); the next get starts a new one
 * @param fetchWait how long the broker holds a getter's fetch when it has no item for it: the latency of a get once
 *        an earlier one was acknowledged (Kafka's default, 500 ms, would make every get after the first that slow),
 *        traded against fetch requests per second while a getter waits on an empty queue
 * @param depthInterval how often the {@code mp.ensemble.queue.depth} gauges are read afresh from Kafka's offsets
 */
@ConfigurationProperties("mp-ensemble.queues")
public record QueueProperties(@DefaultValue("mp-ensemble.queue.") String topicPrefix,
        @DefaultValue("1") Integer partitions, @DefaultValue("1") Short replicationFactor,
        @DefaultValue("60s") Duration maxTimeout, @DefaultValue("10000") int maxBatch,
        @DefaultValue("2000") int drainBatch,
        @DefaultValue("65536") int maxItemBytes, @DefaultValue("50ms") Duration pollInterval,
        @DefaultValue("2m") Duration getterIdle, @DefaultValue("10ms") Duration fetchWait,
        @DefaultValue("10s") Duration depthInterval) {
}
