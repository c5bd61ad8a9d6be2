package io.mpensemble.gateway.squareworker;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.mpensemble.contracts.isolation.ProcessReport;
import io.mpensemble.contracts.isolation.SquareListRequest;

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
}
