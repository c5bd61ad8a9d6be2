package io.mpensemble.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

import io.mpensemble.contracts.problem.EnsembleProblemHandler;
import io.mpensemble.contracts.problem.ProblemTypes;

/** The gateway's one place where exceptions become RFC 9457 problems. */
@RestControllerAdvice
class ProblemAdvice extends EnsembleProblemHandler {

    /** A service the program needs is down or unreachable: the client may retry; nothing was changed. */
    @ExceptionHandler(ResourceAccessException.class)
    ProblemDetail unreachable(ResourceAccessException ex) {
        return unavailable(HttpStatus.SERVICE_UNAVAILABLE, "A service the program needs is unreachable: "
                + ex.getMostSpecificCause().getMessage());
    }

    /** A service the program needs answered with an error of its own. */
    @ExceptionHandler(RestClientResponseException.class)
    ProblemDetail failed(RestClientResponseException ex) {
        return unavailable(HttpStatus.BAD_GATEWAY, "A service the program needs answered "
                + ex.getStatusCode().value() + ": " + ex.getResponseBodyAsString());
    }

    private static ProblemDetail unavailable(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.SERVICE_UNAVAILABLE);
        problem.setTitle("Service unavailable");
        return problem;
    }
}
