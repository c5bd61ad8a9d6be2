package io.mpensemble.gateway.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The gauge {@code mp.ensemble.queue.depth}, tagged {@code queue}: every queue's {@code qsize()}, whichever replica
 * created it, read from Kafka's offsets every {@code mp-ensemble.queues.depth-interval} rather than at each scrape, so
 * a scrape never waits on Kafka. Every gateway replica reports every queue; a dashboard takes {@code max by (queue)}.
 * A deleted queue's series goes with the next reading. The same pass deletes the items every getter is done with
 * ({@link QueueTopics#trim}), which Kafka would otherwise keep as long as the queue.
 */
@Component
class QueueDepths implements SchedulingConfigurer {

    static final String DEPTH = "mp.ensemble.queue.depth";

    private static final Log log = LogFactory.getLog(QueueDepths.class);

    private final QueueTopics topics;
    private final Duration interval;
    private final MultiGauge depth;
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();

    QueueDepths(QueueTopics topics, QueueProperties properties, MeterRegistry meters) {
        this.topics = topics;
        this.interval = properties.depthInterval();
        this.depth = MultiGauge.builder(DEPTH).description("Items put and not yet taken by a getter, per queue")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::read, interval, interval));
    }

    void read() {
        List<String> names;
        try {
            names = topics.names();
        }
        catch (KafkaCallFailed ex) {
            log.debug("queue depths not read: Kafka did not answer", ex);
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>(names.size());
        for (String name : names) {
            try {
                long size = topics.qsize(name);
                AtomicLong value = depths.computeIfAbsent(name, key -> new AtomicLong());
                value.set(size);
                rows.add(MultiGauge.Row.of(Tags.of("queue", name), value));
                if (topics.state(name).filter(state -> !state.keepTaken()).isPresent()) {
                    topics.trim(name);
                }
            }
            catch (RuntimeException ex) {
                log.debug("depth of queue '" + name + "' not read (deleted meanwhile?)", ex);
            }
        }
        depths.keySet().retainAll(names);
        depth.register(rows, false);
    }
}
