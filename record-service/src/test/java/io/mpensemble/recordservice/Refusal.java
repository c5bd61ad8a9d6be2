package io.mpensemble.recordservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpensemble.recordservice.Api.Reply;

/**
 * A request a test expects refused.
 *
 * @param body the JSON body; null for none
 * @param problem the problem's type, without {@code urn:mp-ensemble:problem:}
 * @param detail the problem's detail; null where a test does not pin it
 */
public record Refusal(String method, String path, String body, int status, String problem, String detail) {

    public Refusal(String method, String path, String body, int status, String problem) {
        this(method, path, body, status, problem, null);
    }

    /** Sends the request and checks it is refused as expected; the reply. */
    public Reply sendTo(Api api) {
        Reply reply = api.send(method, path, body);
        assertThat(reply.status()).as(this + " → " + reply).isEqualTo(status);
        assertThat(reply.problem()).as(this + " → " + reply).isEqualTo(problem);
        if (detail != null) {
            assertThat(reply.detail()).isEqualTo(detail);
        }
        return reply;
    }
}
