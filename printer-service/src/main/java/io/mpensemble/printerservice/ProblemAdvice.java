package io.mpensemble.printerservice;

import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.mpensemble.support.problem.EnsembleProblemHandler;

/** printer-service's one place where exceptions become RFC 9457 problems. */
@RestControllerAdvice
class ProblemAdvice extends EnsembleProblemHandler {
}
