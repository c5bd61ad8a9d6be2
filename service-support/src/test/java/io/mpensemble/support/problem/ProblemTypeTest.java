package io.mpensemble.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Every problem type is defined once, here, and the README's table of problem types lists exactly these. */
class ProblemTypeTest {

    private static final String PREFIX = "urn:mp-ensemble:problem:";

    @Test
    void theReadmeListsExactlyTheProblemTypesTheServicesAnswerWith() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## Problem types");
        assertThat(start).as("the README has a 'Problem types' section").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (`[a-z-]+`(?:, `[a-z-]+`)*) \\|").matcher(section);
        while (row.find()) {
            Matcher slug = Pattern.compile("`([a-z-]+)`").matcher(row.group(1));
            while (slug.find()) {
                documented.add(slug.group(1));
            }
        }
        Set<String> defined = new TreeSet<>();
        Arrays.stream(ProblemType.values())
                .forEach(type -> defined.add(type.uri().toString().substring(PREFIX.length())));
        assertThat(documented).isEqualTo(defined);
    }

    @Test
    void aProblemCarriesItsTypeTitleStatusAndDetailAsSpringRendersThem() {
        EnsembleProblem problem = ProblemType.LIMIT_EXCEEDED.problem(HttpStatus.CONFLICT, "too many").at("line 3");
        ProblemDetail body = problem.getBody();
        assertThat(body.getType().toString()).isEqualTo(PREFIX + "limit-exceeded");
        assertThat(body.getTitle()).isEqualTo("Limit exceeded");
        assertThat(body.getStatus()).isEqualTo(409);
        assertThat(body.getDetail()).isEqualTo("line 3: too many");
        assertThat(problem.getMessage()).isEqualTo("line 3: too many");
        assertThat(ProblemType.of(body.getType())).contains(ProblemType.LIMIT_EXCEEDED);
    }

    @Test
    void anUnavailableDependencyIsNamedWithWhatItWasAskedAndNeverNull() {
        assertThat(EnsembleProblem.unavailable("Kafka", "creating the topics of queue 'q'",
                new java.util.concurrent.TimeoutException()).getMessage())
                .isEqualTo("Kafka did not answer while creating the topics of queue 'q': timed out");
        assertThat(EnsembleProblem.unavailable("Redis", "running the operation",
                new RuntimeException(new IllegalStateException("Connection refused"))).getMessage())
                .isEqualTo("Redis did not answer while running the operation: Connection refused");
        EnsembleProblem unavailable = EnsembleProblem.unavailable("Redis", "running the operation",
                new RuntimeException());
        assertThat(unavailable.getBody().getStatus()).isEqualTo(503);
        assertThat(unavailable.getMessage()).endsWith(": RuntimeException (no message)");
        assertThat(unavailable.toResponse().getHeaders().getFirst("Retry-After")).as("a 503 says when to retry")
                .isEqualTo("5");
        assertThat(ProblemType.NOT_FOUND.problem("gone").toResponse().getHeaders().getFirst("Retry-After"))
                .isNull();
    }
}
