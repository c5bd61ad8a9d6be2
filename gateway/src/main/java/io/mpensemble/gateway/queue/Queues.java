package io.mpensemble.gateway.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.DisposableBean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import io.mpensemble.support.id.Ids;
import io.mpensemble.support.problem.EnsembleProblem;

/**
 * {@code multiprocessing.Queue} and {@code JoinableQueue} by name, their items in Kafka: the rules, without HTTP.
 *
 * <p>Across gateway replicas: the state (maxsize, closed) is read from Kafka for every call, so it is the same for
 * all; {@code qsize}, and so {@code full} and the wait of a put into a bounded queue, come from Kafka's offsets and are
 * approximate as Python's {@code qsize()} is. Within one replica, puts into a bounded queue take turns, so they never
 * overfill it; two puts through two replicas at once may both see the last free slot. {@code task_done} is exact
 * across replicas (see {@link TaskDoneLog}).
 *
 * <p>Metrics, tagged with the queue's name: {@code mp.ensemble.queue.puts} (items put) and {@code mp.ensemble.queue.gets}
 * (items a getter's client was sent, acknowledged to Kafka), counted by this replica.
 */
@Component
public class Queues implements DisposableBean {

    static final String PUTS = "mp.ensemble.queue.puts";
    static final String GETS = "mp.ensemble.queue.gets";

    private final QueueTopics topics;
    private final QueueProperties properties;
    private final Map<String, QueueGetter> getters = new ConcurrentHashMap<>();
    private final Map<String, QueueGetter> drainers = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    private final MeterRegistry meters;

    Queues(QueueTopics topics, QueueProperties properties, MeterRegistry meters) {
        this.topics = topics;
        this.properties = properties;
        this.meters = meters;
    }

    private Counter counter(String meter, String name) {
        return Counter.builder(meter).tag("queue", name).register(meters);
    }

    public QueueState create(String name, long maxsize, boolean joinable) {
        return create(name, maxsize, joinable, false);
    }

    /** A queue whose taken items stay in Kafka, as {@link QueueState#keepTaken()} says, when {@code keepTaken}. */
    public QueueState create(String name, long maxsize, boolean joinable, boolean keepTaken) {
        checkName(name);
        QueueState state = new QueueState(Math.max(0, maxsize), joinable, false, keepTaken);
        topics.create(name, state);
        // At zero from the start: Prometheus's rate() cannot see the step to a series' first value, so a counter
        // born at its first put would hide that put from the dashboards.
        counter(PUTS, name);
        counter(GETS, name);
        return state;
    }

    QueueState state(String name) {
        checkName(name);
        return topics.state(name).orElseThrow(() -> QueueProblem.notFound(name));
    }

    /** Puts the items, all or none; blocks while a bounded queue has no room for them, up to {@code timeout}. */
    void put(String name, String producer, List<String> items, boolean block, Duration timeout) {
        QueueState state = open(name);
        if (state.bounded() && items.size() > state.maxsize()) {
            throw EnsembleProblem.invalidField("items", items.size() + " items can never fit a queue of maxsize "
                    + state.maxsize());
        }
        String key = producer == null ? name : producer;
        if (!state.bounded()) {
            topics.put(name, key, items);
        }
        else {
            // This replica's puts into one bounded queue look for room and put one at a time, so two of them never
            // both take the last free slot.
            long deadline = System.nanoTime() + (block ? waitOf(timeout).toNanos() : 0);
            ReentrantLock lock = lockOf(name);
            if (!tryLock(lock, deadline)) {
                throw QueueProblem.full(name, state.maxsize());
            }
            try {
                while (topics.qsize(name) + items.size() > state.maxsize()) {
                    if (System.nanoTime() >= deadline) {
                        throw QueueProblem.full(name, state.maxsize());
                    }
                    sleep(properties.pollInterval());
                }
                topics.put(name, key, items);
            }
            finally {
                lock.unlock();
            }
        }
        counter(PUTS, name).increment(items.size());
    }

    private ReentrantLock lockOf(String name) {
        return locks.computeIfAbsent(name, key -> new ReentrantLock(true));
    }

    private static boolean tryLock(ReentrantLock lock, long deadline) {
        try {
            return lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An item for this getter, or {@code queue.Empty}; the caller settles the delivery once its client has it. */
    public QueueGetter.Delivery get(String name, boolean block, Duration timeout) {
        return get(name, block, timeout, 1);
    }

    /** One item, or up to {@code wanted} items (a drain's batch); or {@code queue.Empty}. */
    QueueGetter.Delivery get(String name, boolean block, Duration timeout, int wanted) {
        open(name);
        return take(name, block, timeout, wanted);
    }

    /**
     * {@link #get(String, boolean, Duration, int)} without reading the queue's state again: a drain's next batch. A
     * drain already streaming goes on until its max or until the queue is empty, a {@code close()} meanwhile through
     * another replica notwithstanding.
     */
    QueueGetter.Delivery take(String name, boolean block, Duration timeout, int wanted) {
        try {
            // get(timeout=0) takes an item there is, as get_nowait does, though an item takes a fetch to arrive.
            if (block && (timeout == null || !timeout.isZero())) {
                long deadline = System.nanoTime() + waitOf(timeout).toNanos();
                while (true) {
                    QueueGetter getter = getterFor(name, wanted);
                    QueueGetter.Delivery delivery = getter.get(Duration.ofNanos(
                            Math.max(0, deadline - System.nanoTime())), wanted);
                    // A getter loop that ended while this get waited (idle, or stopped) hands nothing: ask a new one.
                    if (delivery != null || getter.alive() || System.nanoTime() >= deadline) {
                        return orEmpty(name, delivery);
                    }
                }
            }
            // get_nowait: Empty at once when Kafka's offsets say so; while they say there are items, wait for one to
            // arrive (a fetch, or a new getter joining the share group, takes a moment) or for them to be gone.
            long deadline = System.nanoTime() + properties.maxTimeout().toNanos();
            while (topics.qsize(name) > 0 && System.nanoTime() < deadline) {
                QueueGetter.Delivery delivery = getterFor(name, wanted).get(Duration.ofSeconds(1), wanted);
                if (delivery != null) {
                    return delivery;
                }
            }
            throw QueueProblem.empty(name);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw QueueProblem.empty(name);
        }
    }

    private QueueGetter getterFor(String name, int wanted) {
        return wanted > 1 ? drainer(name) : getter(name);
    }

    private static QueueGetter.Delivery orEmpty(String name, QueueGetter.Delivery delivery) {
        if (delivery == null) {
            throw QueueProblem.empty(name);
        }
        return delivery;
    }

    long qsize(String name) {
        state(name);
        return topics.qsize(name);
    }

    boolean full(String name) {
        QueueState state = state(name);
        return state.bounded() && topics.qsize(name) >= state.maxsize();
    }

    void close(String name) {
        QueueState state = state(name);
        if (!state.closed()) {
            topics.writeState(name, state.close());
        }
        stopGetters(name);
    }

    void taskDone(String name) {
        QueueState state = state(name);
        if (!state.joinable()) {
            throw QueueProblem.notJoinable(name, "task_done");
        }
        // The call's place in the task-done log decides, whichever replicas the other calls came through.
        if (!topics.taskDone(name)) {
            throw QueueProblem.tooManyTaskDone(name);
        }
    }

    /** Waits until every item put has had its {@code task_done()}; {@code false} when still not so at the timeout. */
    long join(String name, Duration timeout) {
        QueueState state = state(name);
        if (!state.joinable()) {
            throw QueueProblem.notJoinable(name, "join");
        }
        long deadline = System.nanoTime() + waitOf(timeout).toNanos();
        long unfinished;
        while ((unfinished = topics.unfinishedTasks(name)) > 0 && System.nanoTime() < deadline) {
            sleep(properties.pollInterval());
        }
        return unfinished;
    }

    /** The Kafka topic holding the queue's items, for a producer that writes to it in its own transaction. */
    public String topicOf(String name) {
        state(name);
        return topics.itemsTopic(name);
    }

    public void delete(String name) {
        state(name);
        stopGetters(name);
        topics.delete(name);
        locks.remove(name);
        for (String meter : List.of(PUTS, GETS)) {
            Meter found = meters.find(meter).tag("queue", name).meter();
            if (found != null) {
                meters.remove(found);
            }
        }
    }

    private QueueState open(String name) {
        QueueState state = state(name);
        if (state.closed()) {
            throw QueueProblem.closed(name);
        }
        return state;
    }

    private QueueGetter getter(String name) {
        return getters.compute(name, (key, existing) -> existing != null && existing.alive() ? existing
                : new QueueGetter(key, topics.shareConsumer(key, 1, "record_limit"),
                        n -> counter(GETS, key).increment(n), properties.getterIdle()));
    }

    private QueueGetter drainer(String name) {
        return drainers.compute(name, (key, existing) -> existing != null && existing.alive() ? existing
                : new QueueGetter(key, topics.shareConsumer(key, properties.drainBatch(), "batch_optimized"),
                        n -> counter(GETS, key).increment(n), properties.getterIdle()));
    }

    private void stopGetters(String name) {
        for (Map<String, QueueGetter> map : List.of(getters, drainers)) {
            QueueGetter getter = map.remove(name);
            if (getter != null) {
                getter.close();
            }
        }
    }

    private Duration waitOf(Duration timeout) {
        if (timeout == null) {
            return properties.maxTimeout();
        }
        if (timeout.isNegative()) {
            throw EnsembleProblem.invalidField("timeout", "'timeout' must be a non-negative number");
        }
        if (timeout.compareTo(properties.maxTimeout()) > 0) {
            throw EnsembleProblem.invalidField("timeout", "at most " + properties.maxTimeout().toMillis() / 1000.0
                    + " seconds");
        }
        return timeout;
    }

    private static void checkName(String name) {
        Ids.require("name", "a queue name", name);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new KafkaCallFailed("waiting to ask again", ex);
        }
    }

    @Override
    public void destroy() {
        for (Map<String, QueueGetter> map : List.of(getters, drainers)) {
            map.values().forEach(QueueGetter::close);
            map.clear();
        }
    }
}
