package io.mpensemble.printerservice.manager;

import java.util.ArrayList;
import java.util.List;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.support.python.PyRepr;
import tools.jackson.databind.JsonNode;

/**
 * p2 of the manager program, the printer:
 *
 * <pre>
 * def print_records(records):
 *     for record in records:
 *         print("Name: {0}\nScore: {1}\n".format(record[0], record[1]))
 * </pre>
 */
public final class RecordPrinter {

    /** The lines p2 prints for these records, each formatted as Python's {@code str.format} does. */
    public List<String> print(List<JsonNode> records) {
        List<String> lines = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (!record.isArray() || record.size() < 2) {
                throw EnsembleProblem.invalidField("records[" + i + "]", "a record is a list of at least a name and a score");
            }
            lines.add("Name: " + PyRepr.str(record.get(0)) + "\nScore: " + PyRepr.str(record.get(1)) + "\n");
        }
        return lines;
    }
}
