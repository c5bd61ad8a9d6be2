package io.mpensemble.support.problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The RFC 9457 answers every service shares: Spring MVC's own (unknown path, wrong method or media type) plus
 * unreadable and invalid request bodies, each naming the field at fault. Each service's single
 * {@code @RestControllerAdvice} extends this and adds its domain's exceptions.
 */
public abstract class EnsembleProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JsonBodyError error = JsonBodyError.of(ex);
        ProblemDetail problem = ProblemType.INVALID_BODY.problem(error.detail()).getBody();
        if (error.field() != null) {
            problem.setProperty("field", error.field());
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        return invalidFields(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getAllErrors().stream()
                .map(e -> Map.of("field", fieldOf(e), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        return invalidFields(ex, errors, headers, request);
    }

    private ResponseEntity<Object> invalidFields(Exception ex, List<Map<String, String>> errors,
            HttpHeaders headers, WebRequest request) {
        String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemType.INVALID_FIELD.problem(detail).getBody();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A service this one called refused what it was sent, for a reason in the client's input (a square that does not
     * fit its typecode, say): the client gets that service's problem as it was, with its status.
     */
    @ExceptionHandler(HttpClientErrorException.class)
    ProblemDetail relayed(HttpClientErrorException ex) {
        ProblemDetail downstream = DownstreamProblem.of(ex);
        if (downstream == null) {
            return problem(ProblemType.SERVICE_UNAVAILABLE, HttpStatus.BAD_GATEWAY, DownstreamProblem.describe(ex));
        }
        downstream.setInstance(null);
        return downstream;
    }

    /** A service this one needs is down or unreachable: the client may retry. */
    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<Object> unreachable(ResourceAccessException ex) {
        return EnsembleProblem.unavailable("A service the request needs", "connecting to it", ex).toResponse();
    }

    /** A service this one needs failed. */
    @ExceptionHandler(HttpServerErrorException.class)
    ProblemDetail failed(HttpServerErrorException ex) {
        return problem(ProblemType.SERVICE_UNAVAILABLE, HttpStatus.BAD_GATEWAY, DownstreamProblem.describe(ex));
    }

    /**
     * Anything else is a fault of this service, never of the client: a 500 problem, logged with its stack trace, so
     * the answer is still a problem document and says nothing of the internals.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        logger.error("Unexpected failure", ex);
        return ProblemType.INTERNAL_ERROR.problem("An unexpected failure in this service; its log has the details.")
                .getBody();
    }

    private static ProblemDetail problem(ProblemType type, HttpStatus status, String detail) {
        return type.problem(status, detail).getBody();
    }

    private static String fieldOf(MessageSourceResolvable error) {
        if (error instanceof FieldError fieldError) {
            return fieldError.getField();
        }
        String[] codes = error.getCodes();
        return codes != null && codes.length > 0 ? codes[0] : "request";
    }

    /** Spring's own errors (404, 405, 415, ...) keep their status and detail; they get our problem type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && statusCode.is4xxClientError()
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemType.BAD_REQUEST.uri());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
