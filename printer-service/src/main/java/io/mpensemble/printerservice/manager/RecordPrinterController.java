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
class RecordPrinterController {

    private final RecordServiceClient records;
    private final RecordPrinter printer = new RecordPrinter();
    private final ProcessReporter reports;

    RecordPrinterController(RecordServiceClient records, ProcessReporter reports) {
        this.records = records;
        this.reports = reports;
    }

    @Operation(summary = "Run print_records(records) as process p2 on the manager's list")
    @PostMapping("/print-records")
    ProcessReport printRecords(@Valid @RequestBody PrintRecordsRequest request) {
        return reports.report("p2", printer.print(records.getList(request.listId()).values()));
    }
}
