package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pipe program (tutorial example 5) through the running ensemble: the gateway sends each message over a pipe
 * straight to printer-service on one HTTP stream; printer-service receives until "END" or EOF.
 */
@Order(7)
class PipeProgramIT {

    static Programs programs;
    static int printerPort;

    @BeforeAll
    static void ensemble() throws Exception {
        programs = new Programs(Ensemble.shared());
        printerPort = Ensemble.shared().port("PRINTER_SERVICE_PORT");
    }

    @Test
    void theMessagesReachPrinterServicesPipeEndAndItReadsTheSendersClose() throws Exception {
        double eofs = printerMetric("mp_ensemble_pipe_eofs_total");
        double broken = printerMetric("mp_ensemble_pipe_broken_total");
        programs.assertPrintsTheTutorialsTranscript("pipe");
        assertThat(printerMetric("mp_ensemble_pipe_eofs_total")).isEqualTo(eofs + 1);
        assertThat(printerMetric("mp_ensemble_pipe_open")).as("the receiver gave its end up").isZero();
        assertThat(printerMetric("mp_ensemble_pipe_broken_total")).isEqualTo(broken);
    }

    private static double printerMetric(String name) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + printerPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher value = Pattern.compile("(?m)^" + name + "\\{application=\"printer-service\"} (\\S+)$")
                .matcher(metrics);
        assertThat(value.find()).as(name + " in\n" + metrics).isTrue();
        return Double.parseDouble(value.group(1));
    }

    @Test
    void withoutABodyItPrintsTheTutorialsTranscriptByteForByte() throws Exception {
        programs.assertPrintsTheTutorialsTranscript("pipe");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "[\"a\"]",
            "[\"END\"]",
            "[\"x\", \"END\", \"after\", \"more\"]",
            "[\"END!\", [\"END\"], \"end\", \"END\"]",
            "[\"héllo wörld ✓\", \"日本語\", \"🐍 snake\", \"\\u00e9\\u0301\"]",
            "[\"it's\", \"say \\\"hi\\\"\", \"both ' and \\\"\", \"back\\\\slash\"]",
            "[\"line1\\nline2\", \"tab\\there\", \"\\r\\n\", \"\", \" \"]",
            "[1, -2.5, 1.0, 1e100, 1e-7, null, true, false, 123456789012345678901234567890]",
            "[1e400, -1e400, -0.0, 0.1, 5e-324, 1.7976931348623157e308, [1e400]]",
            "[[1, \"x\", [null]], {\"k\": \"v\", \"it's\": [1.5]}, {}, [], \"END\"]",
            "[[\"\\u00a0\", \"\\u200b\", \"\\ue000\"], \"END\"]",
            "[[\"\\u0085\\u00ad\\u2028\\u3000 \\ufeff\", \"\\udbff\\udfff\", \"\\u0378\"], {\"\\u200e\": \"\\u00e9\"}, \"\\u200b\"]",
    })
    void anyMessagesPrintWhatPythonPrints(String messages) throws Exception {
        programs.assertPrintsWhatPythonPrints("pipe", "{\"messages\": " + messages + "}");
    }

    @Test
    void aOneMebibyteMessageAndManySmallOnesRoundTripExactly() throws Exception {
        String mib = "\"" + "0123456789abcdéf".repeat(65536).substring(0, 1024 * 1024 - 2) + "\"";
        programs.assertPrintsWhatPythonPrints("pipe", "{\"messages\": [\"before\", " + mib + ", \"after\"]}");
        String many = IntStream.range(0, 5_000).mapToObj(i -> i % 3 == 0 ? String.valueOf(i) : "\"m" + i + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
        programs.assertPrintsWhatPythonPrints("pipe", "{\"messages\": " + many + "}");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"messages": "hello"}           | messages
            {"messages": {"a": 1}}          | messages
            {"messages": ["a"], "x": 1}     | x
            {"messages": ["a"              | malformed JSON
            ["a", "b"]                      | JSON object
            """)
    void badInputIsA400ProblemNamingWhatIsWrong(String body, String named) throws Exception {
        programs.assertProblem("pipe", body, "invalid-", named);
    }

    @Test
    void inputsBeyondTheDocumentedLimitsAreA400Problem() throws Exception {
        String tooMany = IntStream.rangeClosed(1, 10_001).mapToObj(String::valueOf)
                .collect(Collectors.joining(",", "{\"messages\": [", "]}"));
        programs.assertProblem("pipe", tooMany, "invalid-field", "10000");
        String tooLarge = "{\"messages\": [\"" + "x".repeat(3 * 1024 * 1024) + "\", \"" + "y".repeat(3 * 1024 * 1024)
                + "\", \"" + "z".repeat(3 * 1024 * 1024) + "\"]}";
        programs.assertProblem("pipe", tooLarge, "invalid-field", "8388608");
    }
}
