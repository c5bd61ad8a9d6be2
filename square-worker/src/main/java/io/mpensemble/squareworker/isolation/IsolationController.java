package io.mpensemble.squareworker.isolation;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.SquareListRequest;
import io.mpensemble.support.programs.ProcessReporter;
import io.swagger.v3.oas.annotations.Operation;

/** Plays process p1 of the isolation program. */
@RestController
@RequestMapping("/api/isolation")
record IsolationController(ProcessReporter reports) {

    @Operation(summary = "Run square_list(mylist) as process p1, in this process's own memory",
            description = "Each call is a fresh p1: its result list starts empty and lives only in this process; "
                    + "the reply is what p1 printed.")
    @PostMapping("/square-list")
    ProcessReport squareList(@Valid @RequestBody SquareListRequest request) {
        var p1 = new SquareListProcess();
        String line = p1.squareList(request.numbers());
        return reports.report("p1", List.of(line));
    }
}
