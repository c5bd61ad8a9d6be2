package io.mpensemble.gateway.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.SharePartitionOffsetInfo;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * A queue's three Kafka topics, created explicitly with the configured partitions and replication factor (the broker
 * never creates one by itself):
 * <ul>
 * <li>{@code <prefix><name>}: the items; a producer's items share a key, hence a partition, hence their order;</li>
 * <li>{@code <prefix><name>.state}: one partition, compacted; its last record is the {@link QueueState}, read afresh
 * for every operation so a {@code close()} through one gateway replica is seen by the next request to any other;</li>
 * <li>{@code <prefix><name>.task-done}: one partition, one record per {@code task_done()} call, carrying how many
 * items the caller saw put. The partition's order decides which calls count, the same for every replica: a call
 * counts when fewer calls before it counted than the items it saw (see {@link TaskDoneLog}).</li>
 * </ul>
 * The items are consumed by the share group {@code <prefix><name>} (see {@link QueueGetter}); {@code qsize} is that
 * group's lag, from Kafka's offsets.
 */
@Component
class QueueTopics implements DisposableBean {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);

    private final QueueProperties properties;
    private final KafkaProperties kafka;
    private final JsonMapper json;
    private final Admin admin;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> stateReader;
    /** Each queue's task-done partition as read so far, guarded by the {@link #stateReader} that reads it. */
    private final Map<String, TaskDoneLog> taskDoneLogs = new HashMap<>();

    QueueTopics(QueueProperties properties, KafkaProperties kafka, JsonMapper json) {
        this.properties = properties;
        this.kafka = kafka;
        this.json = json;
        this.admin = Admin.create(kafka.buildAdminProperties());
        Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
        // Idempotent, acks from every in-sync replica: a retried send neither duplicates nor reorders a put.
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Without a broker, a put answers 503 after this long rather than after Kafka's default minute.
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer());
        Map<String, Object> readerConfig = new HashMap<>(kafka.buildConsumerProperties());
        readerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        readerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The reader seeks to a different state record on every call; a fetch left waiting at the broker for data
        // that never comes would hold up the next read for the whole default wait (500 ms).
        readerConfig.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        this.stateReader = new KafkaConsumer<>(readerConfig, new StringDeserializer(), new StringDeserializer());
    }

    String itemsTopic(String name) {
        return properties.topicPrefix() + name;
    }

    private String stateTopic(String name) {
        return itemsTopic(name) + ".state";
    }

    private String taskDoneTopic(String name) {
        return itemsTopic(name) + ".task-done";
    }

    /** Creates the topics and the share group's settings, then writes the state: a queue exists once it has one. */
    void create(String name, QueueState state) {
        short replication = properties.replicationFactor();
        // Kept until the queue is deleted: Kafka's default retention (a week) would drop items no getter took yet;
        // items every getter is done with are deleted by trim().
        Map<String, String> kept = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG,
                "-1");
        List<NewTopic> topics = List.of(new NewTopic(itemsTopic(name), properties.partitions(), replication)
                        .configs(kept),
                new NewTopic(stateTopic(name), 1, replication)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                new NewTopic(taskDoneTopic(name), 1, replication).configs(kept));
        try {
            await(admin.createTopics(topics).all(), "creating the topics of queue '" + name + "'");
        }
        catch (KafkaCallFailed ex) {
            if (ex.getCause() instanceof TopicExistsException) {
                throw QueueProblem.exists(name);
            }
            throw ex;
        }
        // A share group starts at the end of its topics by default; a queue's first getter must see every item put
        // before it joined. And it reads uncommitted records by default; square-workers put results in
        // transactions, and an aborted one's items (a worker killed mid-batch) must never reach a getter. Set before
        // the state is written, so no getter can join earlier.
        ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, itemsTopic(name));
        await(admin.incrementalAlterConfigs(Map.of(group, List.of(
                new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("share.isolation.level", "read_committed"),
                        AlterConfigOp.OpType.SET)))).all(), "configuring the share group of queue '" + name + "'");
        writeState(name, state);
    }

    void writeState(String name, QueueState state) {
        send(new ProducerRecord<>(stateTopic(name), 0, "state", json.writeValueAsString(state)));
    }

    /** The queue's state as its state topic's last record says, or empty when there is no such queue. */
    Optional<QueueState> state(String name) {
        TopicPartition partition = new TopicPartition(stateTopic(name), 0);
        synchronized (stateReader) {
            if (!await(admin.listTopics().names(), "listing topics").contains(stateTopic(name))) {
                return Optional.empty();
            }
            stateReader.assign(List.of(partition));
            long end = stateReader.endOffsets(List.of(partition), ADMIN_TIMEOUT).get(partition);
            if (end == 0) {
                return Optional.empty();
            }
            stateReader.seek(partition, end - 1);
            long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : stateReader.poll(Duration.ofMillis(100))) {
                    if (record.offset() == end - 1) {
                        return Optional.of(json.readValue(record.value(), QueueState.class));
                    }
                }
            }
            throw new KafkaCallFailed("reading the state of queue '" + name + "'",
                    new TimeoutException("no answer within " + ADMIN_TIMEOUT.toSeconds() + " s"));
        }
    }

    /** The names of every queue in Kafka, whichever gateway replica created them. */
    List<String> names() {
        String prefix = properties.topicPrefix();
        return await(admin.listTopics().names(), "listing topics").stream()
                .filter(topic -> topic.startsWith(prefix) && topic.endsWith(".state"))
                .map(topic -> topic.substring(prefix.length(), topic.length() - ".state".length()))
                .sorted().toList();
    }

    /** Puts the items, in order, and returns once every in-sync replica has them. */
    void put(String name, String key, List<String> items) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(items.size());
        for (String item : items) {
            sent.add(producer.send(new ProducerRecord<>(itemsTopic(name), key, item)));
        }
        for (Future<RecordMetadata> future : sent) {
            await(future, "putting items on queue '" + name + "'");
        }
    }

    /**
     * Records one {@code task_done()} call and answers whether it counts: {@code false} when it was one too many.
     * Decided by the call's place in the task-done partition, so two calls through two replicas for the last
     * unfinished task cannot both count.
     */
    boolean taskDone(String name) {
        Tasks tasks = tasks(name);
        if (tasks.unfinished() <= 0) {
            return false; // none unfinished now: refused without a record
        }
        RecordMetadata recorded = await(producer.send(new ProducerRecord<>(taskDoneTopic(name), 0, null,
                Long.toString(tasks.put()))), "recording task_done on queue '" + name + "'");
        synchronized (stateReader) {
            return taskDoneLog(name).counts(recorded.offset());
        }
    }

    /** Items put and not yet taken by a getter (those being handed out count until their getter has them). */
    long qsize(String name) {
        String topic = itemsTopic(name);
        List<TopicPartition> partitions = itemPartitions(name);
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, SharePartitionOffsetInfo> consumed = shareOffsets(topic, partitions);
        long size = 0;
        for (TopicPartition partition : partitions) {
            SharePartitionOffsetInfo info = consumed == null ? null : consumed.get(partition);
            long end = ends.get(partition);
            if (info == null) {
                size += end - starts.get(partition);
            }
            else {
                size += info.lag().orElse(end - info.startOffset());
            }
        }
        return size;
    }

    /** {@code JoinableQueue}'s count of unfinished tasks: items ever put less the {@code task_done()} calls that count. */
    long unfinishedTasks(String name) {
        return tasks(name).unfinished();
    }

    /** Items ever put, and how many of them are unfinished. */
    private record Tasks(long put, long unfinished) {
    }

    /**
     * Items ever put are the item partitions' end offsets (a trim deletes items, never offsets), read in one call
     * with the task-done partition's end, below which the calls that count are counted.
     */
    private Tasks tasks(String name) {
        TopicPartition done = new TopicPartition(taskDoneTopic(name), 0);
        List<TopicPartition> partitions = new ArrayList<>(itemPartitions(name));
        partitions.add(done);
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        long put = ends.entrySet().stream().filter(e -> !e.getKey().equals(done)).mapToLong(Map.Entry::getValue)
                .sum();
        synchronized (stateReader) {
            return new Tasks(put, put - taskDoneLog(name).countedBefore(ends.get(done)));
        }
    }

    private TaskDoneLog taskDoneLog(String name) {
        return taskDoneLogs.computeIfAbsent(name, key -> new TaskDoneLog(new TopicPartition(taskDoneTopic(key), 0),
                stateReader, ADMIN_TIMEOUT));
    }

    /**
     * Deletes the items every getter is done with: those below the share group's start offset, which Kafka keeps
     * otherwise (share groups acknowledge, they do not delete).
     */
    void trim(String name) {
        String topic = itemsTopic(name);
        List<TopicPartition> partitions = itemPartitions(name);
        Map<TopicPartition, SharePartitionOffsetInfo> consumed = shareOffsets(topic, partitions);
        if (consumed == null) {
            return;
        }
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, RecordsToDelete> done = new HashMap<>();
        consumed.forEach((partition, info) -> {
            if (info != null && info.startOffset() > starts.getOrDefault(partition, Long.MAX_VALUE)) {
                done.put(partition, RecordsToDelete.beforeOffset(info.startOffset()));
            }
        });
        if (!done.isEmpty()) {
            await(admin.deleteRecords(done).all(), "deleting the items every getter is done with");
        }
    }

    void delete(String name) {
        synchronized (stateReader) {
            taskDoneLogs.remove(name);
        }
        await(admin.deleteTopics(List.of(itemsTopic(name), stateTopic(name), taskDoneTopic(name))).all(),
                "deleting the topics of queue '" + name + "'");
        try {
            await(admin.deleteShareGroups(List.of(itemsTopic(name))).all(), "deleting the share group of queue '"
                    + name + "'");
        }
        catch (KafkaCallFailed ex) {
            // no getter ever joined: there is no group to delete
        }
    }

    /** A share consumer of the queue's items for one getter loop; see {@link QueueGetter} for why these settings. */
    KafkaShareConsumer<String, String> shareConsumer(String name, int maxRecords, String acquireMode) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.keySet().removeIf(key -> key.equals(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)
                || key.equals(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)
                || key.equals(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, itemsTopic(name));
        config.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        config.put(ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, acquireMode);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxRecords);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) properties.fetchWait().toMillis());
        KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(itemsTopic(name)));
        return consumer;
    }

    private List<TopicPartition> itemPartitions(String name) {
        String topic = itemsTopic(name);
        return IntStream.range(0, partitionCount(topic)).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    private Map<TopicPartition, SharePartitionOffsetInfo> shareOffsets(String topic, List<TopicPartition> partitions) {
        return await(admin.listShareGroupOffsets(Map.of(topic, new ListShareGroupOffsetsSpec()
                .topicPartitions(partitions))).partitionsToOffsetInfo(topic), "reading the share group offsets of "
                + topic);
    }

    private int partitionCount(String topic) {
        return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describing topic " + topic).get(topic)
                .partitions().size();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        await(admin.listOffsets(request).all(), "reading offsets of " + partitions).forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private void send(ProducerRecord<String, String> record) {
        await(producer.send(record), "writing to topic " + record.topic());
    }

    /** The call's answer, or a {@link KafkaCallFailed} that says what was being done and what Kafka answered. */
    private static <T> T await(Future<T> future, String doing) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new KafkaCallFailed(doing, ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new KafkaCallFailed(doing, new TimeoutException("no answer within " + ADMIN_TIMEOUT.toSeconds()
                    + " s"));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KafkaCallFailed(doing, ex);
        }
    }

    @Override
    public void destroy() {
        producer.close(Duration.ofSeconds(5));
        synchronized (stateReader) {
            stateReader.close(Duration.ofSeconds(5));
        }
        admin.close(Duration.ofSeconds(5));
    }
}
