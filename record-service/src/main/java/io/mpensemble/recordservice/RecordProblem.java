package io.mpensemble.recordservice;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.support.problem.ProblemType;

/**
 * A request record-service refuses, as the Python exception it stands for. Thrown before anything is changed (or by
 * a Lua script that changed nothing), so a refused operation leaves every object as it was.
 */
public class RecordProblem extends EnsembleProblem {

    private RecordProblem(ProblemType type, String detail) {
        super(type, type.status(), detail, null);
    }

    /** Python's {@code TypeError}: a value of the wrong type, or an unknown typecode. */
    public static RecordProblem typeError(String detail) {
        return new RecordProblem(ProblemType.TYPE_ERROR, detail);
    }

    /** Where Python silently truncates a value to its C type, the ensemble refuses it. */
    public static RecordProblem outOfRange(String detail) {
        return new RecordProblem(ProblemType.OUT_OF_RANGE, detail);
    }

    /** Python's {@code IndexError}. */
    public static RecordProblem indexError(String detail) {
        return new RecordProblem(ProblemType.INDEX_ERROR, detail);
    }

    /** Python's {@code ValueError}. */
    public static RecordProblem valueError(String detail) {
        return new RecordProblem(ProblemType.VALUE_ERROR, detail);
    }

    /** Python's {@code KeyError}. */
    public static RecordProblem keyError(String detail) {
        return new RecordProblem(ProblemType.KEY_ERROR, detail);
    }

    /** No object (or session) with this id: never created, deleted, or its session closed or expired. */
    public static RecordProblem notFound(String detail) {
        return new RecordProblem(ProblemType.NOT_FOUND, detail);
    }

    /** A documented limit (objects per session, elements, bytes per value) would be exceeded. */
    public static RecordProblem limitExceeded(String detail) {
        return new RecordProblem(ProblemType.LIMIT_EXCEEDED, detail);
    }

    /** The lock was not acquired within the timeout ({@code acquire(timeout=...)} returned False). */
    public static RecordProblem lockTimeout(String detail) {
        return new RecordProblem(ProblemType.LOCK_TIMEOUT, detail);
    }

    /** The token does not hold the lock (never did, released, or its lease expired). */
    public static RecordProblem lockNotHeld(String detail) {
        return new RecordProblem(ProblemType.LOCK_NOT_HELD, detail);
    }
}
