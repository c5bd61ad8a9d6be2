package io.mpensemble.gateway;

import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.mpensemble.contracts.problem.EnsembleProblemHandler;

/** The gateway's one place where exceptions become RFC 9457 problems. */
@RestControllerAdvice
class ProblemAdvice extends EnsembleProblemHandler {
}
