package io.mpensemble.recordservice;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;

import io.mpensemble.contracts.problem.ProblemTypes;

/**
 * A request record-service refuses, as the Python exception it stands for. Thrown before anything is changed (or by
 * a Lua script that changed nothing), so a refused operation leaves every object as it was.
 */
public class RecordProblem extends RuntimeException {

    private final HttpStatus status;
    private final URI type;
    private final String title;
    private final Map<String, Object> properties;

    public RecordProblem(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = ProblemTypes.of(slug);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    /** Python's {@code TypeError}: a value of the wrong type, or an unknown typecode. */
    public static RecordProblem typeError(String detail) {
        return new RecordProblem(HttpStatus.BAD_REQUEST, "type-error", "TypeError", detail, Map.of());
    }

    /** Where Python silently truncates a value to its C type, the ensemble refuses it. */
    public static RecordProblem outOfRange(String detail) {
        return new RecordProblem(HttpStatus.BAD_REQUEST, "out-of-range", "Value out of range", detail, Map.of());
    }

    /** Python's {@code IndexError}. */
    public static RecordProblem indexError(String detail) {
        return new RecordProblem(HttpStatus.BAD_REQUEST, "index-error", "IndexError", detail, Map.of());
    }

    /** Python's {@code ValueError}. */
    public static RecordProblem valueError(String detail) {
        return new RecordProblem(HttpStatus.BAD_REQUEST, "value-error", "ValueError", detail, Map.of());
    }

    /** Python's {@code KeyError}. */
    public static RecordProblem keyError(String detail) {
        return new RecordProblem(HttpStatus.NOT_FOUND, "key-error", "KeyError", detail, Map.of());
    }

    /** No object (or session) with this id: never created, deleted, or its session closed or expired. */
    public static RecordProblem notFound(String detail) {
        return new RecordProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, Map.of());
    }

    /** A documented limit (objects per session, elements, bytes per value) would be exceeded. */
    public static RecordProblem limitExceeded(String detail) {
        return new RecordProblem(HttpStatus.BAD_REQUEST, "limit-exceeded", "Limit exceeded", detail, Map.of());
    }

    /** The lock was not acquired within the timeout ({@code acquire(timeout=...)} returned False). */
    public static RecordProblem lockTimeout(String detail) {
        return new RecordProblem(HttpStatus.CONFLICT, "lock-timeout", "Lock not acquired", detail, Map.of());
    }

    /** The token does not hold the lock (never did, released, or its lease expired). */
    public static RecordProblem lockNotHeld(String detail) {
        return new RecordProblem(HttpStatus.CONFLICT, "lock-not-held", "Lock not held", detail, Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
