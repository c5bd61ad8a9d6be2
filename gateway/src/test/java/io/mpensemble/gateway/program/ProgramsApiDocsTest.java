package io.mpensemble.gateway.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import io.mpensemble.gateway.GatewayWithoutBroker;
import io.mpensemble.testsupport.LocalHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each program's entry in the API description: optional input, the transcript it prints, the problem it answers. */
@GatewayWithoutBroker
class ProgramsApiDocsTest {

    @Autowired
    LocalHttp http;

    @Autowired
    JsonMapper json;

    @ParameterizedTest
    @ValueSource(strings = { "isolation", "shared-memory", "manager", "queue", "pipe" })
    void eachProgramDocumentsItsTranscriptAndTheProblemBadInputGets(String program) {
        String docs = http.get("/v3/api-docs").body();
        JsonNode post = json.readTree(docs).path("paths").path("/api/programs/" + program).path("post");
        assertThat(post.path("summary").asString()).contains("tutorial example");
        assertThat(post.path("requestBody").path("required").asBoolean(false)).as("the input is optional").isFalse();
        JsonNode transcript = post.path("responses").path("200");
        assertThat(transcript.path("description").asString()).isEqualTo("The transcript, as Python prints it");
        assertThat(transcript.path("content").path("text/plain;charset=UTF-8").path("examples").size()).isOne();
        JsonNode problem = post.path("responses").path("400");
        assertThat(problem.path("description").asString()).isNotBlank();
        assertThat(problem.path("content").has("application/problem+json")).isTrue();
    }
}
