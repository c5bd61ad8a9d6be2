package io.mpensemble.gateway.e2e;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The isolation program (tutorial example 1) through the running ensemble: gateway and square-worker. */
@Order(1)
class IsolationProgramIT extends TutorialProgramIT {

    IsolationProgramIT() {
        super("isolation");
    }

    @Test
    void anyListPrintsWhatPythonPrints() throws Exception {
        Random random = new Random(20261125);
        List<String> inputs = new ArrayList<>(List.of("[]", "[0]", "[-7, 7, 0]", "[2, 2, 2]",
                "[9223372036854775807, -9223372036854775808]", "[" + "9".repeat(1000) + "]"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(new BigInteger(random.nextInt(1, 200), random)
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)).toString());
        }
        inputs.add(many.stream().collect(Collectors.joining(", ", "[", "]")));
        for (String numbers : inputs) {
            programs.assertPrintsWhatPythonPrints("isolation", "{\"numbers\": " + numbers + "}");
        }
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"numbers": [1, 2.5]}              | numbers[1]
            {"numbers": [1, "2"]}              | numbers[1]
            {"numbers": [true]}                | numbers[0]
            {"numbers": [1, null]}             | numbers[1]
            {"numbers": 4}                     | numbers
            {"numbers": [[1]]}                 | numbers[0]
            {"numbers": [1], "typo": 2}        | typo
            {"numbers": [1, 2                  | malformed JSON
            [1, 2, 3]                          | JSON object
            """)
    void badInputIsA400ProblemNamingWhatIsWrong(String body, String named) throws Exception {
        programs.assertProblem("isolation", body, "invalid-", named);
    }

    @Test
    void inputsBeyondTheDocumentedLimitsAreA400Problem() throws Exception {
        String tooMany = IntStream.rangeClosed(1, 10_001).mapToObj(String::valueOf)
                .collect(Collectors.joining(",", "{\"numbers\": [", "]}"));
        programs.assertProblem("isolation", tooMany, "invalid-field", "10000");
        programs.assertProblem("isolation", "{\"numbers\": [" + "1".repeat(1001) + "]}", "invalid-body", "1000");
    }
}
