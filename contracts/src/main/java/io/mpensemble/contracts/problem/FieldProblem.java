package io.mpensemble.contracts.problem;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.HttpClientErrorException;

/**
 * A client's input refused for one field: thrown by a service's own rules, or when a service it called refused a value
 * taken from that field (the record-service's {@code out-of-range} for {@code numbers[2]}, say). Answered as a problem
 * whose {@code field} names the input at fault.
 */
public class FieldProblem extends RuntimeException {

    private final HttpStatusCode status;
    private final URI type;
    private final String title;
    private final String field;

    public FieldProblem(HttpStatusCode status, URI type, String title, String field, String detail) {
        super(field + ": " + detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
    }

    /** The input at {@code field} is invalid by this service's own rules. */
    public static FieldProblem invalid(String field, String detail) {
        return new FieldProblem(org.springframework.http.HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_FIELD,
                "Invalid field", field, detail);
    }

    /** A service called with the value at {@code field} refused it: its problem, pinned to the field. */
    public static FieldProblem from(String field, HttpClientErrorException refused) {
        ProblemDetail downstream = null;
        try {
            downstream = refused.getResponseBodyAs(ProblemDetail.class);
        }
        catch (RuntimeException unreadable) {
            // not a problem document
        }
        if (downstream == null || downstream.getDetail() == null) {
            return new FieldProblem(refused.getStatusCode(), ProblemTypes.INVALID_FIELD, "Invalid field", field,
                    refused.getResponseBodyAsString());
        }
        return new FieldProblem(refused.getStatusCode(), downstream.getType(), downstream.getTitle(), field,
                downstream.getDetail());
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(type);
        problem.setTitle(title);
        problem.setProperty("field", field);
        return problem;
    }
}
