package io.mpensemble.squareworker;

import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.mpensemble.support.problem.EnsembleProblemHandler;

/** square-worker's one place where exceptions become RFC 9457 problems. */
@RestControllerAdvice
class ProblemAdvice extends EnsembleProblemHandler {
}
