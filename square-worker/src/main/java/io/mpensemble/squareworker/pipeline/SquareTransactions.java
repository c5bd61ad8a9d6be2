package io.mpensemble.squareworker.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The pipeline's transaction manager, Spring Boot's own but counted: {@code mp.ensemble.square.transactions} tagged
 * {@code outcome} ({@code committed}, {@code aborted}). Kafka's client reports only the time spent aborting, not how
 * often; an abort means a batch failed and will be squared again.
 */
@Configuration(proxyBeanMethods = false)
class SquareTransactions {

    static final String TRANSACTIONS = "mp.ensemble.square.transactions";

    @Bean
    KafkaTransactionManager<Object, Object> kafkaTransactionManager(ProducerFactory<Object, Object> producers,
            MeterRegistry meters) {
        Counter committed = counter(meters, "committed");
        Counter aborted = counter(meters, "aborted");
        return new KafkaTransactionManager<>(producers) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                super.doCommit(status);
                committed.increment();
            }

            @Override
            protected void doRollback(DefaultTransactionStatus status) {
                aborted.increment();
                super.doRollback(status);
            }
        };
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(TRANSACTIONS).tag("outcome", outcome)
                .description("Transactions of the square pipeline (one per polled batch of tasks), by outcome")
                .register(meters);
    }
}
