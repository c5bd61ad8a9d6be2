package io.mpensemble.pipes;

import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pipes' Micrometer meters. Per end, tagged {@code pipe} and {@code end}: {@code mp.ensemble.pipe.messages.sent},
 * {@code .messages.received}, {@code .bytes.sent}, {@code .bytes.received}, removed when the end closes so the number
 * of series stays bounded. Always there, from start-up: the same counts over every end of this process,
 * {@code mp.ensemble.pipe.messages} and {@code mp.ensemble.pipe.bytes} tagged {@code direction} ({@code sent},
 * {@code received}), which a dashboard's rates rely on (an end's own series are gone once a short pipe closed); the
 * gauge {@code mp.ensemble.pipe.open} (ends this process hosts that are not closed) and the counters
 * {@code mp.ensemble.pipe.eofs} (ends that read their peer's close), {@code mp.ensemble.pipe.broken} (ends whose
 * peer went away mid-stream, seen by a recv or a send) and {@code mp.ensemble.pipe.expired} (pipes with both ends here
 * closed and forgotten after being idle).
 */
final class PipeMeters {

    static final String MESSAGES_SENT = "mp.ensemble.pipe.messages.sent";
    static final String MESSAGES_RECEIVED = "mp.ensemble.pipe.messages.received";
    static final String BYTES_SENT = "mp.ensemble.pipe.bytes.sent";
    static final String BYTES_RECEIVED = "mp.ensemble.pipe.bytes.received";
    static final String MESSAGES = "mp.ensemble.pipe.messages";
    static final String BYTES = "mp.ensemble.pipe.bytes";
    static final String OPEN = "mp.ensemble.pipe.open";
    static final String EOFS = "mp.ensemble.pipe.eofs";
    static final String BROKEN = "mp.ensemble.pipe.broken";
    static final String EXPIRED = "mp.ensemble.pipe.expired";

    private final MeterRegistry registry;
    private final Counter eofs;
    private final Counter broken;
    private final Counter expired;
    private final Counter messagesSent;
    private final Counter messagesReceived;
    private final Counter bytesSent;
    private final Counter bytesReceived;

    PipeMeters(MeterRegistry registry, Supplier<Number> open) {
        this.registry = registry;
        Gauge.builder(OPEN, open).description("Pipe ends this process hosts that are open").register(registry);
        this.eofs = Counter.builder(EOFS).description("Pipe ends that read their peer's close").register(registry);
        this.broken = Counter.builder(BROKEN).description("Pipe ends whose peer went away without closing")
                .register(registry);
        this.expired = Counter.builder(EXPIRED)
                .description("Pipes with both ends in this process closed and forgotten after being idle")
                .register(registry);
        this.messagesSent = total(MESSAGES, "sent", "Messages sent on every pipe end of this process");
        this.messagesReceived = total(MESSAGES, "received", "Messages received on every pipe end of this process");
        this.bytesSent = total(BYTES, "sent", "Payload bytes sent on every pipe end of this process");
        this.bytesReceived = total(BYTES, "received", "Payload bytes received on every pipe end of this process");
    }

    private Counter total(String name, String direction, String description) {
        return Counter.builder(name).tag("direction", direction).description(description).register(registry);
    }

    void expired() {
        expired.increment();
    }

    EndMeters forEnd(PipeEndId id) {
        return new EndMeters(counter(MESSAGES_SENT, id), counter(MESSAGES_RECEIVED, id), counter(BYTES_SENT, id),
                counter(BYTES_RECEIVED, id));
    }

    private Counter counter(String name, PipeEndId id) {
        return Counter.builder(name).tag("pipe", id.pipe()).tag("end", String.valueOf(id.end())).register(registry);
    }

    void remove(EndMeters meters) {
        List.<Meter>of(meters.messagesSent, meters.messagesReceived, meters.bytesSent, meters.bytesReceived)
                .forEach(registry::remove);
    }

    /** One end's counters; a broken pipe is counted once per end. */
    final class EndMeters {

        private final Counter messagesSent;
        private final Counter messagesReceived;
        private final Counter bytesSent;
        private final Counter bytesReceived;
        private volatile boolean brokenCounted;

        private EndMeters(Counter messagesSent, Counter messagesReceived, Counter bytesSent, Counter bytesReceived) {
            this.messagesSent = messagesSent;
            this.messagesReceived = messagesReceived;
            this.bytesSent = bytesSent;
            this.bytesReceived = bytesReceived;
        }

        void sent(PipeMessage message) {
            messagesSent.increment();
            bytesSent.increment(message.payload().length);
            PipeMeters.this.messagesSent.increment();
            PipeMeters.this.bytesSent.increment(message.payload().length);
        }

        void received(PipeMessage message) {
            messagesReceived.increment();
            bytesReceived.increment(message.payload().length);
            PipeMeters.this.messagesReceived.increment();
            PipeMeters.this.bytesReceived.increment(message.payload().length);
        }

        void eof() {
            eofs.increment();
        }

        synchronized void broken(PipeEnd end) {
            if (!brokenCounted) {
                brokenCounted = true;
                broken.increment();
            }
        }
    }
}
