package io.mpensemble.contracts.problem;

import java.net.URI;

/**
 * The stable {@code type} of every RFC 9457 problem the services answer with. Where a problem stands for a Python
 * exception, its name says which.
 */
public final class ProblemTypes {

    private static final String PREFIX = "urn:mp-ensemble:problem:";

    /** The body is not JSON, or not of the documented shape: a field has the wrong type, is unknown, or is null. */
    public static final URI INVALID_BODY = of("invalid-body");

    /** A field is of the right type but breaks a documented rule or limit. */
    public static final URI INVALID_FIELD = of("invalid-field");

    /** Anything else the client asked wrongly: unknown path, method, media type, parameter. */
    public static final URI BAD_REQUEST = of("bad-request");

    /** A service this one needs did not answer; nothing was changed. */
    public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

    /** A fault of the service itself, never of the client's input. */
    public static final URI INTERNAL_ERROR = of("internal-error");

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }
}
