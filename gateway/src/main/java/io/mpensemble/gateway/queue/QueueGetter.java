package io.mpensemble.gateway.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * This gateway's getters of one queue, served by one Kafka share consumer (KIP-932) of the queue's share group.
 *
 * <p><b>Why a share group.</b> A share group hands each record to one member at a time under an acquisition lock and
 * needs no partition per getter: any number of gateway replicas, each with one member, take items from the same
 * partitions, and an item acknowledged as accepted is never delivered again. A consumer group per queue would pin each
 * partition to one replica, so a getter on another replica would wait while items sit in a partition it cannot read.
 *
 * <p><b>One item at a time, in order.</b> A get's consumer acquires at most one record per poll
 * ({@code share.acquire.mode=record_limit}, {@code max.poll.records=1}), and only while a getter is waiting, so no
 * replica hoards items another replica's getter could have; records of a partition are acquired in offset order,
 * hence a producer's items (one key, one partition) come out in the order they were put. A drain's consumer (one more
 * per queue and replica, polled only while a drain waits) acquires whole record batches as Kafka stores them, about
 * {@code mp-ensemble.queues.drain-batch} records per poll ({@code share.acquire.mode=batch_optimized}: a fetch costs
 * the broker least this way); each waiting drain gets, in offset order, as many as it still wants, and what no drain
 * takes within a moment is released to any getter.
 *
 * <p><b>The guarantee: at least once, acknowledged after the response is written.</b> A fetched record is handed to a
 * waiting getter; the getter writes and flushes its HTTP response and only then is the record acknowledged
 * {@code ACCEPT}, and the response ends only once Kafka has that acknowledgement. If writing fails (the client's connection dropped), the record is acknowledged {@code RELEASE} and
 * goes to the next getter. If this gateway dies between fetch and acknowledgement, the broker's acquisition lock
 * ({@code group.share.record.lock.duration.ms}, 30 s by default) runs out and the record is delivered again. So no
 * item is lost to a dropped connection or a dead gateway. What HTTP cannot tell: a connection that drops after the
 * response left this process but before the client read it counts as delivered, and a gateway that dies after the
 * client read the response but before the acknowledgement reached Kafka causes a redelivery (a duplicate). A record
 * released too often ({@code group.share.delivery.count.limit}, 5 by default) is archived by Kafka, not redelivered.
 * A redelivered item comes after items put later than it.
 */
public final class QueueGetter implements AutoCloseable {

    private static final Log log = LogFactory.getLog(QueueGetter.class);

    /** How long a handed item may take to reach its getter's client before it is released to the next getter. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(20);

    /** How long a getter's {@link Delivery#settle} waits for Kafka to have its acknowledgement. */
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(10);

    /** How long a record nobody waits for any more is kept for the next getter before it is released. */
    private static final Duration HOLD = Duration.ofSeconds(2);

    private final String name;
    private final KafkaShareConsumer<String, String> consumer;
    private final LinkedBlockingDeque<Waiter> waiters = new LinkedBlockingDeque<>();
    private final IntConsumer accepted;
    private final Duration idle;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param idle a loop with no waiter for this long leaves the share group and ends; the next get starts a new one
     */
    QueueGetter(String name, KafkaShareConsumer<String, String> consumer, IntConsumer accepted, Duration idle) {
        this.name = name;
        this.idle = idle;
        this.consumer = consumer;
        this.accepted = accepted;
        this.thread = Thread.ofPlatform().name("queue-getter-" + name).daemon().start(this::run);
    }

    /**
     * Waits up to {@code timeout} for an item, or for a drain's getter up to {@code wanted} items. The caller must
     * {@link Delivery#settle settle} what it gets.
     *
     * @return the item, or {@code null} when none came in time ({@code queue.Empty})
     */
    Delivery get(Duration timeout, int wanted) throws InterruptedException {
        Waiter waiter = new Waiter(System.nanoTime() + timeout.toNanos(), wanted);
        waiters.addLast(waiter);
        try {
            return waiter.handed.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (java.util.concurrent.TimeoutException | InterruptedException ex) {
            if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.GONE)) {
                waiters.remove(waiter);
                if (ex instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                return null;
            }
            return waiter.handed.join(); // handed at the last moment: it is ours
        }
        catch (java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
    }

    boolean alive() {
        return running && thread.isAlive();
    }

    private void run() {
        try {
            long lastWaiter = System.nanoTime();
            while (running) {
                Waiter waiter = waiters.pollFirst(200, TimeUnit.MILLISECONDS);
                if (waiter == null && System.nanoTime() - lastWaiter > idle.toNanos()) {
                    log.debug("The getter of queue '" + name + "' was idle for " + idle + ": it leaves the share group");
                    return; // idle (or the queue was closed or deleted through another replica)
                }
                if (waiter == null || !waiter.waiting()) {
                    continue;
                }
                lastWaiter = System.nanoTime();
                long left = Math.max(1, Math.min(waiter.remainingMillis(), 1000));
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(left));
                if (!polled.isEmpty()) {
                    List<ConsumerRecord<String, String>> records = new ArrayList<>(polled.count());
                    polled.forEach(records::add);
                    // In offset order: each waiting getter takes what it wants; what none takes goes back to Kafka.
                    int delivered = 0;
                    Waiter taker = waiter.waiting() ? waiter : nextWaiter();
                    while (taker != null && delivered < records.size()) {
                        Delivery delivery = handOver(taker, records.subList(delivered, records.size()));
                        int handed = delivery == null ? 0 : written(delivery);
                        // Each getter's items are accepted before it answers its client's last byte (see settle).
                        for (int i = delivered; i < delivered + handed; i++) {
                            consumer.acknowledge(records.get(i), AcknowledgeType.ACCEPT);
                        }
                        if (handed > 0) {
                            commit();
                            accepted.accept(handed);
                        }
                        if (delivery != null) {
                            delivery.committed.complete(null);
                        }
                        if (handed == 0) {
                            break; // its client went away: the rest is released
                        }
                        delivered += handed;
                        taker = delivered < records.size() ? nextWaiter() : null;
                    }
                    if (delivered < records.size()) {
                        for (int i = delivered; i < records.size(); i++) {
                            consumer.acknowledge(records.get(i), AcknowledgeType.RELEASE);
                        }
                        commit();
                    }
                }
                if (waiter.waiting()) {
                    waiters.addFirst(waiter);
                }
            }
        }
        catch (WakeupException | InterruptedException ex) {
            // closing
        }
        catch (RuntimeException ex) {
            log.debug("The getter of queue '" + name + "' stopped", ex);
        }
        finally {
            running = false;
            consumer.close(Duration.ofSeconds(5));
            Waiter left;
            while ((left = waiters.pollFirst()) != null) {
                left.state.compareAndSet(Waiter.WAITING, Waiter.GONE);
                left.handed.complete(null);
            }
        }
    }

    /** A getter still waiting, from the queue of waiters, waiting a little for one to come if there is none. */
    private Waiter nextWaiter() throws InterruptedException {
        long deadline = System.nanoTime() + HOLD.toNanos();
        while (System.nanoTime() < deadline) {
            Waiter next = waiters.pollFirst(10, TimeUnit.MILLISECONDS);
            if (next != null && next.waiting()) {
                return next;
            }
        }
        return null;
    }

    /** Hands the taker as many records, from the first, as it wants; {@code null} when no getter took them. */
    private Delivery handOver(Waiter taker, List<ConsumerRecord<String, String>> records) throws InterruptedException {
        Delivery delivery = new Delivery(records.subList(0, Math.min(records.size(), taker.wanted)).stream()
                .map(ConsumerRecord::value).toList(), new CompletableFuture<>(), new CompletableFuture<>());
        if (!taker.state.compareAndSet(Waiter.WAITING, Waiter.HANDED)) {
            Waiter next = nextWaiter();
            return next == null ? null : handOver(next, records);
        }
        taker.handed.complete(delivery);
        return delivery;
    }

    /** How many of the delivery's items, from the first, reached its getter's client. */
    private static int written(Delivery delivery) throws InterruptedException {
        try {
            return Math.clamp(delivery.outcome.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), 0,
                    delivery.items().size());
        }
        catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ex) {
            return 0;
        }
    }

    private void commit() {
        try {
            consumer.commitSync();
        }
        catch (WakeupException | org.apache.kafka.common.errors.InterruptException ex) {
            throw ex; // closing
        }
        catch (KafkaException ex) {
            // Kafka did not take the acknowledgements: the records come back when their acquisition lock runs out.
            log.debug("The getter of queue '" + name + "' could not commit its acknowledgements", ex);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Items handed to one getter, in order; acknowledged to Kafka once the getter says how many its client got.
     *
     * @param items the items' JSON text
     */
    public record Delivery(List<String> items, CompletableFuture<Integer> outcome, CompletableFuture<Void> committed) {

        /**
         * The first {@code written} items were written to the client (ACCEPT); the rest were not (RELEASE). Returns
         * once Kafka has the acknowledgement (or after a few seconds without one), so a client whose response has
         * ended has its items accepted: a broker or gateway stopped right afterwards does not hand them out again.
         */
        public void settle(int written) {
            outcome.complete(written);
            try {
                committed.get(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ex) {
                // the acknowledgement is late or lost: at least once, the item may come again
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Waiter {
        static final int WAITING = 0;
        static final int HANDED = 1;
        static final int GONE = 2;

        final AtomicInteger state = new AtomicInteger(WAITING);
        final CompletableFuture<Delivery> handed = new CompletableFuture<>();
        final long deadline;
        final int wanted;

        Waiter(long deadline, int wanted) {
            this.deadline = deadline;
            this.wanted = wanted;
        }

        boolean waiting() {
            return state.get() == WAITING && System.nanoTime() < deadline;
        }

        long remainingMillis() {
            return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        }
    }
}
