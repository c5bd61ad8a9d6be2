package io.mpensemble.gateway.e2e;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The queue program (tutorial example 4) through the running ensemble: square-worker puts into a queue the gateway
 * holds on Kafka, the gateway gets every item.
 */
@Order(6)
class QueueProgramIT extends TutorialProgramIT {

    QueueProgramIT() {
        super("queue");
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "[0]", "[5, -6, 7]", "[123456789012345678901234567890, -1]" })
    void anyListPrintsWhatPythonPrints(String numbers) throws Exception {
        programs.assertPrintsWhatPythonPrints("queue", "{\"numbers\": " + numbers + "}");
    }

    @Test
    void aLongListComesOutWholeAndInOrder() throws Exception {
        Random random = new Random(7);
        String numbers = IntStream.range(0, 2_000).mapToObj(i -> new BigInteger(random.nextInt(1, 100), random)
                .toString()).collect(Collectors.joining(", ", "[", "]"));
        programs.assertPrintsWhatPythonPrints("queue", "{\"numbers\": " + numbers + "}");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"numbers": [1, 2.5]}       | numbers[1]
            {"numbers": "1"}            | numbers
            {"numbers": [1], "x": 1}    | x
            """)
    void badInputIsA400ProblemNamingWhatIsWrong(String body, String named) throws Exception {
        programs.assertProblem("queue", body, "invalid-", named);
    }
}
