package io.mpensemble.printerservice.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mpensemble.support.problem.EnsembleProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordPrinterTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void printsNameAndScoreAsPythonsStrFormatDoes() {
        List<JsonNode> records = List.of(node("[\"Sam\", 10]"), node("[\"Ann\", 9.5, \"extra\"]"),
                node("[null, true]"), node("[[\"a\", 1], {\"k\": \"v\"}]"));
        assertThat(new RecordPrinter().print(records)).containsExactly(
                "Name: Sam\nScore: 10\n",
                "Name: Ann\nScore: 9.5\n",
                "Name: None\nScore: True\n",
                "Name: ['a', 1]\nScore: {'k': 'v'}\n");
    }

    @Test
    void aRecordWithoutNameAndScoreIsRefusedByIndex() {
        assertThatThrownBy(() -> new RecordPrinter().print(List.of(node("[\"Sam\", 1]"), node("[\"Bob\"]"))))
                .isInstanceOf(EnsembleProblem.class).hasMessageStartingWith("records[1]:");
    }

    private JsonNode node(String text) {
        return json.readTree(text);
    }
}
