package io.mpensemble.recordservice;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.mpensemble.contracts.problem.EnsembleProblemHandler;

/** record-service's one place where exceptions become RFC 9457 problems. */
@RestControllerAdvice
class ProblemAdvice extends EnsembleProblemHandler {

    @ExceptionHandler(RecordProblem.class)
    ProblemDetail recordProblem(RecordProblem ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setType(ex.type());
        problem.setTitle(ex.title());
        ex.properties().forEach(problem::setProperty);
        return problem;
    }

    /** Redis is unreachable: the client may retry; nothing was changed. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ProblemDetail redisUnavailable(DataAccessResourceFailureException ex) {
        return unavailable(HttpStatus.SERVICE_UNAVAILABLE, "Redis is unreachable: "
                + ex.getMostSpecificCause().getMessage());
    }
}
