package io.mpensemble.gateway.squareworker;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.mpensemble.api.programs.InsertRecordRequest;
import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.QueueSquareListRequest;
import io.mpensemble.api.programs.SharedMemorySquareListRequest;
import io.mpensemble.api.programs.SquareListRequest;

/**
 * square-worker's API as the gateway calls it; its address is {@code spring.http.serviceclient.square-worker.base-url}
 * ({@code SQUARE_WORKER_URL}).
 */
@HttpExchange(url = "/api", accept = "application/json", contentType = "application/json")
public interface SquareWorkerClient {

    String GROUP = "square-worker";

    /** Runs {@code square_list(mylist)} as process p1 in square-worker and returns what p1 printed. */
    @PostExchange("/isolation/square-list")
    ProcessReport squareList(@RequestBody SquareListRequest request);

    /** Runs the shared-memory program's p1 on the given Array and Value. */
    @PostExchange("/shared-memory/square-list")
    ProcessReport squareListInSharedMemory(@RequestBody SharedMemorySquareListRequest request);

    /** Runs the queue program's p1: puts each square into the gateway's queue. */
    @PostExchange("/queue/square-list")
    ProcessReport squareListIntoQueue(@RequestBody QueueSquareListRequest request);

    /** Runs the manager program's p1, the record inserter. */
    @PostExchange("/manager/insert-record")
    ProcessReport insertRecord(@RequestBody InsertRecordRequest request);
}
