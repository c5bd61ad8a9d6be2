package io.mpensemble.squareworker.sharedmemory;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.SharedMemorySquareListRequest;
import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.support.programs.ProcessReporter;
import io.swagger.v3.oas.annotations.Operation;

/** Plays process p1 of the shared-memory program. */
@RestController
@RequestMapping("/api/shared-memory")
class SharedMemoryController {

    private final SharedMemorySquareList p1;
    private final ProcessReporter reports;

    SharedMemoryController(RecordServiceClient records, ProcessReporter reports) {
        this.p1 = new SharedMemorySquareList(records);
        this.reports = reports;
    }

    @Operation(summary = "Run square_list(mylist, result, square_sum) as process p1 on shared memory",
            description = "Writes result[idx] = num * num into the record-service Array, then square_sum.value = "
                    + "sum(result), and returns what p1 printed. A square the typecode cannot hold is a 400 naming "
                    + "numbers[idx].")
    @PostMapping("/square-list")
    ProcessReport squareList(@Valid @RequestBody SharedMemorySquareListRequest request) {
        return reports.report("p1", p1.run(request.numbers(), request.arrayId(), request.valueId()));
    }
}
