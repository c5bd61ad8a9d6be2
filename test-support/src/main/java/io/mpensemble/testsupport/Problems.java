package io.mpensemble.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** What a client sees of an RFC 9457 problem the ensemble answers with. */
public final class Problems {

    private Problems() {
    }

    /** The answer is a problem of this status and type ({@code "not-found"}) whose text names each of {@code named}. */
    public static void assertProblem(HttpResponse<String> response, int status, String type, String... named) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:mp-ensemble:problem:" + type + "\"");
        for (String name : named) {
            assertThat(response.body()).contains(name);
        }
    }
}
