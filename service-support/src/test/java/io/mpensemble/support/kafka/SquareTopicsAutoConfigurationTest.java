package io.mpensemble.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

import io.mpensemble.api.square.SquareTopics;

class SquareTopicsAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SquareTopicsAutoConfiguration.class))
            .withBean(KafkaAdmin.class, SquareTopicsAutoConfigurationTest::offlineAdmin);

    private static KafkaAdmin offlineAdmin() {
        KafkaAdmin admin = new KafkaAdmin(Map.of());
        admin.setAutoCreate(false); // no broker here: only the topic's definition is looked at
        return admin;
    }

    @Test
    void anUnsetVariableReachesTheSettingEmptyAndMeansTheDefault() {
        // what application.yaml's ${SQUARE_TASK_PARTITIONS:} gives when the variable is unset
        context.withPropertyValues("mp-ensemble.square.partitions=", "mp-ensemble.square.replication-factor=")
                .run(ctx -> {
                    NewTopic tasks = ctx.getBean(NewTopic.class);
                    assertThat(tasks.name()).isEqualTo(SquareTopics.TASKS);
                    assertThat(tasks.numPartitions()).isEqualTo(4);
                    assertThat(tasks.replicationFactor()).isEqualTo((short) 1);
                });
    }

    @Test
    void theTopicHasThePartitionsAndReplicationFactorSet() {
        context.withPropertyValues("mp-ensemble.square.partitions=8", "mp-ensemble.square.replication-factor=3")
                .run(ctx -> {
                    NewTopic tasks = ctx.getBean(NewTopic.class);
                    assertThat(tasks.numPartitions()).isEqualTo(8);
                    assertThat(tasks.replicationFactor()).isEqualTo((short) 3);
                });
    }
}
