package io.mpensemble.gateway;

import org.apache.kafka.common.KafkaException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.mpensemble.contracts.problem.EnsembleProblemHandler;
import io.mpensemble.gateway.queue.KafkaCallFailed;
import io.mpensemble.gateway.queue.QueueProblem;

/** The gateway's one place where exceptions become RFC 9457 problems. */
@RestControllerAdvice
class ProblemAdvice extends EnsembleProblemHandler {

    @ExceptionHandler(QueueProblem.class)
    ProblemDetail queueProblem(QueueProblem ex) {
        return ex.toProblemDetail();
    }

    @ExceptionHandler({ KafkaCallFailed.class, KafkaException.class })
    ProblemDetail kafkaUnavailable(RuntimeException ex) {
        logger.warn("Kafka call failed", ex);
        return unavailable(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not answer: " + ex.getMessage());
    }
}
