package io.mpensemble.gateway.queue;

import static io.mpensemble.testsupport.Problems.assertProblem;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mpensemble.gateway.GatewayWithoutBroker;
import io.mpensemble.testsupport.LocalHttp;

/** Without a broker the queue API answers a 503 problem (the client may retry), never a 500 or a hang. */
@GatewayWithoutBroker
class QueueWithoutKafkaTest {

    @Autowired
    LocalHttp http;

    @Test
    void creatingOrUsingAQueueWithoutKafkaIsA503Problem() {
        assertProblem(http.post("/api/queues", "application/json", "{\"name\": \"q\"}"), 503, "service-unavailable");
        assertProblem(http.get("/api/queues/q/qsize"), 503, "service-unavailable");
    }
}
