package io.mpensemble.support.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A request refused, as an RFC 9457 problem of one of the {@link ProblemType}s: Spring's own
 * {@link ErrorResponseException}, so every service's handler answers it as it is. Thrown before anything is changed,
 * so a refused operation leaves every object as it was.
 */
public class EnsembleProblem extends ErrorResponseException {

    /** How long a client is asked to wait before it tries again a call a dependency did not answer. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final ProblemType type;

    protected EnsembleProblem(ProblemType type, HttpStatusCode status, String detail, @Nullable Throwable cause) {
        super(status, body(type, status, detail), cause);
        this.type = type;
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
    }

    /** This problem as the answer to a request: its status, its headers ({@code Retry-After} on a 503) and body. */
    public ResponseEntity<Object> toResponse() {
        return ResponseEntity.status(getStatusCode()).headers(getHeaders()).body(getBody());
    }

    /** The input at {@code field} is invalid by this service's own rules. */
    public static EnsembleProblem invalidField(String field, String detail) {
        return ProblemType.INVALID_FIELD.problem(field + ": " + detail).with("field", field);
    }

    /**
     * A service called with the value at {@code field} refused it (record-service's {@code out-of-range} for
     * {@code numbers[2]}, say): that service's problem, its status, type and title kept, pinned to the field.
     */
    public static EnsembleProblem refused(String field, HttpClientErrorException refused) {
        ProblemDetail downstream = DownstreamProblem.of(refused);
        if (downstream == null) {
            return new EnsembleProblem(ProblemType.INVALID_FIELD, refused.getStatusCode(),
                    field + ": " + DownstreamProblem.describe(refused), refused).with("field", field);
        }
        EnsembleProblem problem = new EnsembleProblem(ProblemType.of(downstream.getType())
                .orElse(ProblemType.INVALID_FIELD), refused.getStatusCode(), field + ": " + downstream.getDetail(),
                refused).with("field", field);
        problem.getBody().setType(downstream.getType());
        problem.getBody().setTitle(downstream.getTitle());
        return problem;
    }

    /**
     * A dependency (Kafka, Redis, another service) did not answer: a 503 whose detail names the dependency and what
     * failed or timed out, never a bare {@code null}.
     */
    public static EnsembleProblem unavailable(String dependency, String doing, @Nullable Throwable cause) {
        return new EnsembleProblem(ProblemType.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE.status(),
                dependency + " did not answer while " + doing + (cause == null ? "" : ": " + describe(cause)),
                cause);
    }

    /** A throwable in words: its most specific message, or its kind when none of its causes has one. */
    public static String describe(Throwable failure) {
        String message = null;
        Throwable last = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            last = cause;
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        if (message != null) {
            return message;
        }
        return last instanceof java.util.concurrent.TimeoutException ? "timed out"
                : last.getClass().getSimpleName() + " (no message)";
    }

    public ProblemType type() {
        return type;
    }

    public HttpStatusCode status() {
        return getStatusCode();
    }

    /** The detail alone, as a client reads it. */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** Adds a property to the problem document ({@code field}, say). */
    public EnsembleProblem with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    /** The same problem, its detail saying where in a request it arose ({@code line 3}, say). */
    public EnsembleProblem at(String where) {
        getBody().setDetail(where + ": " + getBody().getDetail());
        return this;
    }

    private static ProblemDetail body(ProblemType type, HttpStatusCode status, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type.uri());
        body.setTitle(type.title());
        return body;
    }
}
