package io.mpensemble.squareworker.manager;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.api.programs.InsertRecordRequest;
import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.api.records.RecordServiceClient.ListElement;
import io.mpensemble.support.programs.ProcessReporter;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Plays process p1 of the manager program, the record inserter:
 *
 * <pre>
 * def insert_record(record, records):
 *     records.append(record)
 *     print("New record added!\n")
 * </pre>
 */
@RestController
@RequestMapping("/api/manager")
record RecordInserterController(RecordServiceClient records, ProcessReporter reports) {

    @Operation(summary = "Run insert_record(record, records) as process p1: append to the manager's list")
    @PostMapping("/insert-record")
    ProcessReport insertRecord(@Valid @RequestBody InsertRecordRequest request) {
        records.append(request.listId(), new ListElement(request.record()));
        return reports.report("p1", List.of("New record added!\n"));
    }
}
