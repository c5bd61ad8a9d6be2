package io.mpensemble.squareworker.queue;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import tools.jackson.databind.JsonNode;

/** The gateway's named queues as square-worker puts into them; the address is {@code GATEWAY_URL}. */
@HttpExchange(url = "/api/queues", accept = "application/json", contentType = "application/json")
public interface GatewayQueueClient {

    String GROUP = "gateway";

    /** {@code q.put(obj)} for each item, in order, as one request. */
    @PostExchange("/{name}/put")
    void put(@PathVariable String name, @RequestBody Put items);

    /** A batch of items and the producer whose order they keep. */
    record Put(List<JsonNode> items, String producer) {
    }
}
