package io.mpensemble.gateway.queue;

/** Kafka did not answer, or refused a call: the broker's fault, never the client's (a 503 problem). */
public class KafkaCallFailed extends RuntimeException {

    KafkaCallFailed(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
