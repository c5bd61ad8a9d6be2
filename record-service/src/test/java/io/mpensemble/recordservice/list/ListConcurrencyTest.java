package io.mpensemble.recordservice.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.RecordServiceTest;

/** 64 clients appending 500 times each to one list, at once, through HTTP: not one append is lost or duplicated. */
@RecordServiceTest
class ListConcurrencyTest {

    static final int CLIENTS = 64;
    static final int APPENDS = 500;

    @LocalServerPort
    int port;

    @Test
    void concurrentAppendsGiveExactly32000Elements() throws Exception {
        Api setup = new Api(port);
        String manager = setup.create("/api/managers", null);
        String append = "/api/lists/" + setup.create("/api/managers/" + manager + "/lists", null)
                + "/append";

        List<Callable<Void>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int c = client;
            clients.add(() -> {
                Api api = new Api(port);
                for (int i = 0; i < APPENDS; i++) {
                    long length = api.post(append, "{\"value\": [" + c + ", " + i + "]}").ok().get("length").asLong();
                    assertThat(length).isBetween(1L, (long) CLIENTS * APPENDS);
                }
                return null;
            });
        }
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (Future<Void> client : pool.invokeAll(clients)) {
                client.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%d appends by %d clients in %.1f s: %.0f appends/s%n", CLIENTS * APPENDS, CLIENTS, seconds,
                CLIENTS * APPENDS / seconds);

        JsonNode values = setup.get(append.replace("/append", "")).ok().get("values");
        assertThat(values.size()).isEqualTo(CLIENTS * APPENDS);
        // each client's appends all arrived, once each, in the order it made them
        Map<Integer, Integer> next = new HashMap<>();
        for (JsonNode value : values) {
            int client = value.get(0).asInt();
            assertThat(value.get(1).asInt()).isEqualTo(next.getOrDefault(client, 0));
            next.put(client, value.get(1).asInt() + 1);
        }
        assertThat(next).hasSize(CLIENTS).allSatisfy((client, count) -> assertThat(count).isEqualTo(APPENDS));
    }
}
