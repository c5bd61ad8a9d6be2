package io.mpensemble.gateway.program.manager;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.api.programs.InsertRecordRequest;
import io.mpensemble.api.programs.PrintRecordsRequest;
import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.api.records.RecordServiceClient.ManagerView;
import io.mpensemble.api.records.RecordServiceClient.NewList;
import io.mpensemble.api.records.RecordServiceClient.NewManager;
import io.mpensemble.gateway.printer.PrinterServiceClient;
import io.mpensemble.gateway.program.Transcript;
import io.mpensemble.gateway.squareworker.SquareWorkerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The tutorial's third program: a manager (record-service) holds the records list; p1, the record inserter
 * (square-worker), appends a record; p2, the printer (printer-service), prints every record through the manager.
 *
 * <pre>
 * with multiprocessing.Manager() as manager:
 *     records = manager.list([('Sam', 10), ('Adam', 9), ('Kevin', 9)])
 *     p1 = multiprocessing.Process(target=insert_record, args=(new_record, records))
 *     p2 = multiprocessing.Process(target=print_records, args=(records,))
 *     p1.start(); p1.join()
 *     p2.start(); p2.join()
 * </pre>
 */
@Component
public class ManagerProgram {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The tutorial's records and new record. */
    public static final List<JsonNode> TUTORIAL_RECORDS = List.of(record("Sam", 10), record("Adam", 9),
            record("Kevin", 9));
    public static final JsonNode TUTORIAL_NEW_RECORD = record("Jeff", 8);

    private final RecordServiceClient manager;
    private final SquareWorkerClient recordInserter;
    private final PrinterServiceClient printer;

    public ManagerProgram(RecordServiceClient manager, SquareWorkerClient recordInserter,
            PrinterServiceClient printer) {
        this.manager = manager;
        this.recordInserter = recordInserter;
        this.printer = printer;
    }

    public String run(ManagerInput input) {
        List<JsonNode> records = input == null || input.records() == null ? TUTORIAL_RECORDS : input.records();
        JsonNode newRecord = input == null || input.newRecord() == null || input.newRecord().isNull()
                ? TUTORIAL_NEW_RECORD : input.newRecord();
        for (int i = 0; i < records.size(); i++) {
            requireRecord("records[" + i + "]", records.get(i));
        }
        requireRecord("newRecord", newRecord);

        ManagerView session = manager.createManager(new NewManager(null));
        try {
            String list = manager.createList(session.id(), new NewList(new ArrayList<>(records))).id();
            Transcript transcript = new Transcript();
            transcript.print(recordInserter.insertRecord(new InsertRecordRequest(list, newRecord)));
            transcript.print(printer.printRecords(new PrintRecordsRequest(list)));
            return transcript.toString();
        }
        finally {
            try {
                manager.deleteManager(session.id());
            }
            catch (RestClientException ignored) {
                // expired already, or record-service is down and the program's own error says so
            }
        }
    }

    /** p2 prints {@code record[0]} and {@code record[1]}: anything else would fail in p2, so it is refused here. */
    private static void requireRecord(String field, JsonNode record) {
        if (!record.isArray() || record.size() < 2) {
            throw EnsembleProblem.invalidField(field, "a record is a list of at least a name and a score, e.g. [\"Sam\", 10]");
        }
    }

    private static JsonNode record(String name, int score) {
        return NODES.arrayNode().add(name).add(score);
    }
}
