package io.mpensemble.gateway.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manager program (tutorial example 3) through the running ensemble: a manager session in record-service holds
 * the list, square-worker inserts as p1, printer-service prints as p2.
 */
@Order(3)
class ManagerProgramIT extends TutorialProgramIT {

    ManagerProgramIT() {
        super("manager");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"records\": [[\"Ann\", 7], [\"Bo\", 1.5], [\"Cy\", true], [\"Dee\", null, \"x\"]], \"newRecord\": [\"Zoë\", -3]}",
        "{\"records\": [], \"newRecord\": [[\"nested\"], {\"a\": 1}]}",
        "{\"newRecord\": [\"Only\", 1]}",
        "{\"records\": [[\"Sam\", 10]]}"
    })
    void anyRecordsPrintWhatPythonPrints(String input) throws Exception {
        programs.assertPrintsWhatPythonPrints("manager", input);
    }

    @ParameterizedTest(name = "{0} -> {1} naming {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"records": [["Sam", 10], ["Bob"]]}      | invalid-field | records[1]
            {"newRecord": "Jeff"}                     | invalid-field | newRecord
            {"records": {"Sam": 10}}                  | invalid-body  | records
            {"records": [["Sam", 10]], "extra": 1}    | invalid-body  | extra
            """)
    void recordsThePrinterCannotPrintAreA400NamingThem(String input, String type, String named) throws Exception {
        programs.assertProblem("manager", input, type, named);
    }
}
