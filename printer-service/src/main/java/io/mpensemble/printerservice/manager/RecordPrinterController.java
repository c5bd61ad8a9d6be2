package io.mpensemble.printerservice.manager;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.api.programs.PrintRecordsRequest;
import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.support.programs.ProcessReporter;
import io.swagger.v3.oas.annotations.Operation;

/** Plays process p2 of the manager program: reads every record through the manager's API and prints it. */
@RestController
@RequestMapping("/api/manager")
record RecordPrinterController(RecordServiceClient records, ProcessReporter reports) {

    private static final RecordPrinter PRINTER = new RecordPrinter();

    @Operation(summary = "Run print_records(records) as process p2 on the manager's list")
    @PostMapping("/print-records")
    ProcessReport printRecords(@Valid @RequestBody PrintRecordsRequest request) {
        return reports.report("p2", PRINTER.print(records.getList(request.listId()).values()));
    }
}
