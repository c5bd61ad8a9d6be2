package io.mpensemble.squareworker.queue;

import java.math.BigInteger;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.QueueSquareListRequest;
import io.mpensemble.support.programs.ProcessReporter;
import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Plays process p1 of the queue program:
 *
 * <pre>
 * def square_list(mylist, q):
 *     for num in mylist:
 *         q.put(num * num)
 * </pre>
 *
 * The squares go into the gateway's queue as one batch put, which keeps their order.
 */
@RestController
@RequestMapping("/api/queue")
record QueueSquareListController(GatewayQueueClient queues, ProcessReporter reports) {

    @Operation(summary = "Run square_list(mylist, q) as process p1: put each square into the gateway's queue")
    @PostMapping("/square-list")
    ProcessReport squareList(@Valid @RequestBody QueueSquareListRequest request) {
        List<JsonNode> squares = request.numbers().stream()
                .map(num -> (JsonNode) JsonNodeFactory.instance.numberNode(num.multiply(num)))
                .toList();
        if (!squares.isEmpty()) {
            queues.put(request.queue(), new GatewayQueueClient.Put(squares, "p1"));
        }
        return reports.report("p1", List.of());
    }
}
