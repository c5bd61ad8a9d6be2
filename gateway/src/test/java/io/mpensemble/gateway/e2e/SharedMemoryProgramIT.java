package io.mpensemble.gateway.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared-memory program (tutorial example 2) through the running ensemble: the gateway's Array and Value live in
 * record-service (Redis), square-worker writes them as p1, the gateway reads them back.
 */
@Order(2)
class SharedMemoryProgramIT extends TutorialProgramIT {

    SharedMemoryProgramIT() {
        super("shared-memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"numbers\": [5, 6, 7]}",
        "{\"numbers\": [], \"typecode\": \"q\"}",
        "{\"numbers\": [11, 2], \"typecode\": \"b\"}",
        "{\"numbers\": [-46340, 3], \"typecode\": \"i\"}",
        "{\"numbers\": [4294967295], \"typecode\": \"Q\"}",
        "{\"numbers\": [3037000499, 1], \"typecode\": \"q\"}",
        "{\"numbers\": [1.5, 2], \"typecode\": \"d\"}",
        "{\"numbers\": [3, 4], \"typecode\": \"d\"}",
        "{\"numbers\": [100000000.0, 3, 0.1], \"typecode\": \"d\"}",
        "{\"numbers\": [0.1, 3], \"typecode\": \"f\"}",
        "{\"numbers\": [255], \"typecode\": \"H\"}"
    })
    void anyInputTheTypecodeCanHoldPrintsWhatPythonPrints(String input) throws Exception {
        programs.assertPrintsWhatPythonPrints("shared-memory", input);
    }

    /** Where Python would store a wrapped-around number, the ensemble refuses and names what does not fit. */
    @ParameterizedTest(name = "{0} -> {1} naming {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"numbers": [3, 16], "typecode": "B"}            | out-of-range  | numbers[1]
            {"numbers": [2147483647], "typecode": "i"}       | out-of-range  | numbers[0]
            {"numbers": [40000, 40000], "typecode": "i"}     | out-of-range  | square_sum
            {"numbers": [11, -3], "typecode": "b"}           | out-of-range  | square_sum
            {"numbers": [4294967296], "typecode": "Q"}       | out-of-range  | numbers[0]
            {"numbers": [1.5], "typecode": "i"}              | type-error    | numbers[0]
            {"numbers": [1], "typecode": "z"}                | invalid-field | typecode
            {"numbers": [1], "typecode": "c"}                | invalid-field | typecode
            {"numbers": [1, "2"]}                            | invalid-field | numbers[1]
            {"numbers": [1], "typecode": 5}                  | invalid-body  | typecode
            """)
    void whatTheTypecodeCannotHoldIsA400NamingIt(String input, String type, String named) throws Exception {
        programs.assertProblem("shared-memory", input, type, named);
    }
}
