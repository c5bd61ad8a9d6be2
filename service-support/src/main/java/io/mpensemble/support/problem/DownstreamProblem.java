package io.mpensemble.support.problem;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClientResponseException;

/** What a service this one called answered when it refused or failed a call. */
final class DownstreamProblem {

    private DownstreamProblem() {
    }

    /** Its problem document, or {@code null} when it answered something else (an HTML page, nothing). */
    static @Nullable ProblemDetail of(RestClientResponseException answer) {
        try {
            ProblemDetail problem = answer.getResponseBodyAs(ProblemDetail.class);
            return problem == null || problem.getDetail() == null ? null : problem;
        }
        catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** Its answer in words, for a client: the status and as much of the body as is worth reading. */
    static String describe(RestClientResponseException answer) {
        String body = answer.getResponseBodyAsString();
        String text = body.length() > 200 ? body.substring(0, 200) + "..." : body;
        return "A service the request needs answered " + answer.getStatusCode().value()
                + (text.isBlank() ? "" : ": " + text);
    }
}
