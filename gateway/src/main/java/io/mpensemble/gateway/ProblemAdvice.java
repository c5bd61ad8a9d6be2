package io.mpensemble.gateway;

import org.apache.kafka.common.KafkaException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.support.problem.EnsembleProblemHandler;

/** The gateway's one place where exceptions become RFC 9457 problems. */
@RestControllerAdvice
class ProblemAdvice extends EnsembleProblemHandler {

    @ExceptionHandler(KafkaException.class)
    ResponseEntity<Object> kafkaUnavailable(KafkaException ex) {
        logger.warn("Kafka call failed", ex);
        return EnsembleProblem.unavailable("Kafka", "serving the request", ex).toResponse();
    }
}
