package io.mpensemble.recordservice;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.support.problem.EnsembleProblemHandler;

/** record-service's one place where exceptions become RFC 9457 problems. */
@RestControllerAdvice
class ProblemAdvice extends EnsembleProblemHandler {

    /** Redis is unreachable: the client may retry; nothing was changed. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> redisUnavailable(DataAccessResourceFailureException ex) {
        return EnsembleProblem.unavailable("Redis", "running the operation", ex).toResponse();
    }
}
