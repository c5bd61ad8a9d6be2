package io.mpensemble.gateway.queue;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.support.problem.ProblemType;

/**
 * Kafka did not answer, or refused a call: the broker's fault, never the client's. A 503 problem whose detail says
 * what the gateway was doing and what Kafka answered (or that it timed out).
 */
public class KafkaCallFailed extends EnsembleProblem {

    KafkaCallFailed(String doing, Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE.status(),
                "Kafka did not answer while " + doing + ": " + describe(cause), cause);
    }
}
