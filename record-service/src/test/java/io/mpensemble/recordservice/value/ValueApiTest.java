package io.mpensemble.recordservice.value;

import static io.mpensemble.recordservice.Api.assertProblem;
import static io.mpensemble.recordservice.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.Api.Reply;
import io.mpensemble.recordservice.RecordServiceTest;
import io.mpensemble.recordservice.Refusal;

/** Python's {@code Value} over HTTP against a real Redis: every operation, every refusal, and atomic adds. */
@RecordServiceTest
class ValueApiTest {

    @Autowired
    Api api;

    @Test
    void createsReadsWritesAndDeletes() {
        Reply created = api.post("/api/values", "{\"typecode\": \"i\", \"value\": 10}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(id).matches("v-[0-9a-f]{32}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/values/" + id);
        assertThat(created.json()).isEqualTo(json("{\"id\": \"" + id + "\", \"typecode\": \"i\", \"value\": 10}"));
        assertThat(api.get("/api/values/" + id).json()).isEqualTo(created.json());

        Reply set = api.put("/api/values/" + id, "{\"value\": 5}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json()).isEqualTo(json("{\"id\": \"" + id + "\", \"typecode\": \"i\", \"value\": 5}"));
        assertThat(value(id)).isEqualTo(json("5"));

        assertThat(api.delete("/api/values/" + id).status()).isEqualTo(204);
        for (Reply gone : List.of(api.get("/api/values/" + id), api.delete("/api/values/" + id),
                api.put("/api/values/" + id, "{\"value\": 1}"), api.post("/api/values/" + id + "/add",
                        "{\"delta\": 1}"), api.post("/api/values/" + id + "/compare-and-set",
                                "{\"expect\": 1, \"update\": 2}"))) {
            assertThat(gone.status()).as(gone.toString()).isEqualTo(404);
            assertThat(gone.problem()).isEqualTo("not-found");
            assertThat(gone.detail()).isEqualTo("no Value with id '" + id + "'");
        }
    }

    @ParameterizedTest(name = "Value(''{0}'') is {1}")
    @CsvSource(delimiter = '|', value = { "b | 0", "B | 0", "h | 0", "H | 0", "i | 0", "I | 0", "l | 0", "L | 0",
            "q | 0", "Q | 0", "f | 0.0", "d | 0.0", "c | \"\\u0000\"" })
    void startsAtPythonsZero(String typecode, String zero) {
        Reply created = api.post("/api/values", "{\"typecode\": \"" + typecode + "\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).contains("\"value\":" + zero);
        assertThat(value(created.json().get("id").asString())).isEqualTo(json(zero));
    }

    @ParameterizedTest(name = "''{0}'' is exact over {1}..{2}")
    @CsvFileSource(resources = "/io/mpensemble/recordservice/sharedmemory/integer-typecodes.csv")
    void integerTypecodesAreExactToTheirEdgesAndRefuseOneBeyond(String typecode, BigInteger min, BigInteger max) {
        String range = "'" + typecode + "' (" + min + ".." + max + ")";
        BigInteger span = max.subtract(min);
        String id = create(typecode, max.toString());
        assertThat(api.get("/api/values/" + id).body()).contains("\"value\":" + max + "}");

        Reply over = api.post("/api/values/" + id + "/add", "{\"delta\": 1}");
        assertProblem(over, 400, "out-of-range");
        assertThat(over.detail()).isEqualTo("Value " + id + ": " + max + " + 1 = " + max.add(BigInteger.ONE)
                + " is outside typecode " + range);
        assertThat(value(id).bigIntegerValue()).isEqualTo(max);

        assertThat(add(id, span.negate().toString()).bigIntegerValue()).as("max - (max - min)").isEqualTo(min);
        Reply under = api.post("/api/values/" + id + "/add", "{\"delta\": -1}");
        assertProblem(under, 400, "out-of-range");
        assertThat(under.detail()).isEqualTo("Value " + id + ": " + min + " + -1 = " + min.subtract(BigInteger.ONE)
                + " is outside typecode " + range);
        assertThat(value(id).bigIntegerValue()).isEqualTo(min);
        assertProblem(api.post("/api/values/" + id + "/add", "{\"delta\": " + span.add(BigInteger.ONE) + "}"), 400,
                "out-of-range");
        assertThat(add(id, span.toString()).bigIntegerValue()).as("min + (max - min)").isEqualTo(max);
        assertThat(add(id, "-1").bigIntegerValue()).isEqualTo(max.subtract(BigInteger.ONE));
        assertThat(add(id, "1").bigIntegerValue()).isEqualTo(max);

        for (BigInteger beyond : List.of(max.add(BigInteger.ONE), min.subtract(BigInteger.ONE))) {
            Reply refused = api.put("/api/values/" + id, "{\"value\": " + beyond + "}");
            assertProblem(refused, 400, "out-of-range");
            assertThat(refused.detail()).isEqualTo("value " + beyond + " is outside typecode " + range);
            assertProblem(api.post("/api/values", "{\"typecode\": \"" + typecode + "\", \"value\": " + beyond + "}"),
                    400, "out-of-range");
        }
        assertThat(value(id).bigIntegerValue()).isEqualTo(max);

        assertThat(api.post("/api/values/" + id + "/compare-and-set", "{\"expect\": " + max + ", \"update\": " + min
                + "}").json()).isEqualTo(json("{\"swapped\": true, \"value\": " + min + "}"));
        assertThat(value(id).bigIntegerValue()).isEqualTo(min);
    }

    @Test
    void theSpecsRefusalExample() {
        Reply refused = api.post("/api/values", "{\"typecode\": \"i\", \"value\": 2147483648}");
        assertProblem(refused, 400, "out-of-range");
        assertThat(refused.detail()).isEqualTo("value 2147483648 is outside typecode 'i' (-2147483648..2147483647)");
    }

    @Test
    void floatIsFloat32AsInPython() {
        String id = create("f", "0.1");
        assertThat(api.get("/api/values/" + id).body()).contains("\"value\":0.10000000149011612}");
        assertThat(add(id, "0.1").doubleValue()).as("Python: v.value += 0.1").isEqualTo(0.20000000298023224);
        assertThat(add(id, "1").doubleValue()).isEqualTo(1.2000000476837158);

        assertThat(api.put("/api/values/" + id, "{\"value\": 3.4028234663852886e38}").json().get("value")
                .doubleValue()).isEqualTo(Float.MAX_VALUE);
        Reply overflow = api.post("/api/values/" + id + "/add", "{\"delta\": 3.4028234663852886e38}");
        assertProblem(overflow, 400, "out-of-range");
        assertThat(overflow.detail()).contains("is outside typecode 'f' (finite, magnitude at most "
                + "3.4028234663852886E38)");
        assertProblem(api.put("/api/values/" + id, "{\"value\": 1e39}"), 400, "out-of-range");
        assertThat(value(id).doubleValue()).isEqualTo(Float.MAX_VALUE);

        String other = create("f", "0.1");
        assertThat(api.post("/api/values/" + other + "/compare-and-set", "{\"expect\": 0.1, \"update\": 2}").json())
                .as("expect is converted like a value of 'f'")
                .isEqualTo(json("{\"swapped\": true, \"value\": 2.0}"));
    }

    @Test
    void doubleIsAPythonFloat() {
        String id = create("d", "4");
        assertThat(api.get("/api/values/" + id).body()).contains("\"value\":4.0}");
        assertThat(add(id, "1.25").doubleValue()).isEqualTo(5.25);
        assertThat(add(id, "-0.25").doubleValue()).isEqualTo(5.0);
        assertThat(api.put("/api/values/" + id, "{\"value\": 1e308}").status()).isEqualTo(200);
        assertProblem(api.post("/api/values/" + id + "/add", "{\"delta\": 1e308}"), 400, "out-of-range");
        assertProblem(api.put("/api/values/" + id, "{\"value\": 1" + "0".repeat(309) + "}"), 400, "out-of-range");
        assertThat(value(id).doubleValue()).isEqualTo(1e308);

        String zero = create("d", "0.0");
        assertThat(api.post("/api/values/" + zero + "/compare-and-set", "{\"expect\": -0.0, \"update\": 1}").json())
                .as("compared as Python compares floats").isEqualTo(json("{\"swapped\": true, \"value\": 1.0}"));
    }

    @Test
    void charIsOneByte() {
        String id = create("c", "\"A\"");
        assertThat(value(id)).isEqualTo(json("\"A\""));
        assertThat(api.put("/api/values/" + id, "{\"value\": \"\\u00e9\"}").json().get("value").asString())
                .isEqualTo("é");

        Reply add = api.post("/api/values/" + id + "/add", "{\"delta\": 1}");
        assertProblem(add, 400, "type-error");
        assertThat(add.detail()).isEqualTo("typecode 'c' holds a character: add needs a number typecode");
        assertProblem(api.put("/api/values/" + id, "{\"value\": \"€\"}"), 400, "out-of-range");
        assertProblem(api.put("/api/values/" + id, "{\"value\": \"AB\"}"), 400, "type-error");
        assertProblem(api.put("/api/values/" + id, "{\"value\": 65}"), 400, "type-error");
        assertThat(value(id).asString()).isEqualTo("é");

        assertThat(api.post("/api/values/" + id + "/compare-and-set", "{\"expect\": \"é\", \"update\": \"x\"}")
                .json()).isEqualTo(json("{\"swapped\": true, \"value\": \"x\"}"));
    }

    @Test
    void compareAndSetSwapsOnlyWhenTheValueIsTheExpectedOne() {
        String id = create("i", "1");
        assertThat(api.post("/api/values/" + id + "/compare-and-set", "{\"expect\": 1, \"update\": 2}").json())
                .isEqualTo(json("{\"swapped\": true, \"value\": 2}"));
        assertThat(api.post("/api/values/" + id + "/compare-and-set", "{\"expect\": 1, \"update\": 3}").json())
                .isEqualTo(json("{\"swapped\": false, \"value\": 2}"));
        assertThat(value(id)).isEqualTo(json("2"));
    }

    @Test
    void everyRefusalLeavesTheValueAsItWas() {
        String id = create("i", "7");
        String path = "/api/values/" + id;
        String digits = "9".repeat(1200);
        List<Refusal> refusals = List.of(
                new Refusal("PUT", path, "{\"value\": 1.5}", 400, "type-error"),
                new Refusal("PUT", path, "{\"value\": 8.0}", 400, "type-error"),
                new Refusal("PUT", path, "{\"value\": \"8\"}", 400, "type-error"),
                new Refusal("PUT", path, "{\"value\": true}", 400, "type-error"),
                new Refusal("PUT", path, "{\"value\": [8]}", 400, "type-error"),
                new Refusal("PUT", path, "{\"value\": null}", 400, "type-error"),
                new Refusal("PUT", path, "{\"value\": 1e999999}", 400, "type-error"),
                new Refusal("PUT", path, "{\"value\": 99999999999999999999999}", 400, "out-of-range"),
                new Refusal("PUT", path, "{\"value\": " + digits + "}", 400, "invalid-body"),
                new Refusal("PUT", path, "{}", 400, "invalid-field"),
                new Refusal("PUT", path, null, 400, "invalid-body"),
                new Refusal("PUT", path, "not json", 400, "invalid-body"),
                new Refusal("PUT", path, "[8]", 400, "invalid-body"),
                new Refusal("PUT", path, "{\"value\": 8, \"typecode\": \"i\"}", 400, "invalid-body"),
                new Refusal("POST", path + "/add", "{\"delta\": 0.5}", 400, "type-error"),
                new Refusal("POST", path + "/add", "{\"delta\": \"1\"}", 400, "type-error"),
                new Refusal("POST", path + "/add", "{\"delta\": 1" + "0".repeat(40) + "}", 400, "out-of-range"),
                new Refusal("POST", path + "/add", "{\"delta\": -2147483656}", 400, "out-of-range"),
                new Refusal("POST", path + "/add", "{}", 400, "invalid-field"),
                new Refusal("POST", path + "/add", null, 400, "invalid-body"),
                new Refusal("POST", path + "/compare-and-set", "{\"expect\": 7}", 400, "invalid-field"),
                new Refusal("POST", path + "/compare-and-set", "{\"expect\": 7, \"update\": 1.5}", 400, "type-error"),
                new Refusal("POST", path + "/compare-and-set", "{\"expect\": 7, \"update\": 2147483648}", 400,
                        "out-of-range"));
        for (Refusal refusal : refusals) {
            Reply reply = refusal.sendTo(api);
            assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(value(id)).as("after " + refusal).isEqualTo(json("7"));
        }
        for (String write : List.of("PUT " + path + " {\"value\": 8}", "POST " + path + "/add {\"delta\": 1}",
                "POST " + path + "/compare-and-set {\"expect\": 7, \"update\": 8}")) {
            String[] parts = write.split(" ", 3);
            Reply reply = api.send(parts[0], parts[1], parts[2], "Lock-Token", "not-a-token");
            assertProblem(reply, 409, "lock-not-held");
            assertThat(value(id)).as("after " + write + " with a stranger's token").isEqualTo(json("7"));
        }
    }

    @Test
    void refusesToCreateWhatPythonRefuses() {
        Reply unknown = api.post("/api/values", "{\"typecode\": \"x\", \"value\": 1}");
        assertProblem(unknown, 400, "type-error");
        assertThat(unknown.detail()).isEqualTo("unknown typecode 'x'; typecodes: b B h H i I l L q Q f d c");
        assertProblem(api.post("/api/values", "{\"typecode\": \"i\", \"value\": 1.0}"), 400, "type-error");
        assertProblem(api.post("/api/values", "{\"typecode\": \"ii\"}"), 400, "type-error");
        assertProblem(api.post("/api/values", "{\"value\": 1}"), 400, "invalid-field");
        assertProblem(api.post("/api/values", "{\"typecode\": 105}"), 400, "invalid-body");
        assertProblem(api.post("/api/values", null), 400, "invalid-body");
        assertThat(api.send("POST", "/api/values", "{\"typecode\": \"i\"}", "Content-Type", "text/plain").status())
                .isEqualTo(415);
    }

    @Test
    void idsThatNameNoValueAreNotFound() {
        String arrayId = api.post("/api/arrays", "{\"typecode\": \"i\", \"size\": 1}").json().get("id").asString();
        for (String id : List.of("v-" + "0".repeat(32), "nope", arrayId, "v-" + "0".repeat(32) + ":lock",
                "v-" + "A".repeat(32))) {
            Reply reply = api.get("/api/values/" + id);
            assertProblem(reply, 404, "not-found");
            assertThat(reply.detail()).isEqualTo("no Value with id '" + id + "'");
        }
    }

    @Test
    void everySharedMemoryEndpointIsDocumented() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/values", "/api/values/{id}", "/api/values/{id}/add",
                "/api/values/{id}/compare-and-set", "/api/values/{id}/lock", "/api/arrays", "/api/arrays/{id}",
                "/api/arrays/{id}/length", "/api/arrays/{id}/items/{index}", "/api/arrays/{id}/items/{index}/add",
                "/api/arrays/{id}/slice", "/api/arrays/{id}/lock");
        assertThat(paths.get("/api/values/{id}/add").get("post").get("description").asString()).contains("Example");
    }

    @Test
    void concurrentAddsLoseNoUpdate() throws Exception {
        String id = create("q", "0");
        int clients = 64;
        int addsEach = 500;
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < addsEach; i++) {
                        Reply reply = api.post("/api/values/" + id + "/add", "{\"delta\": 1}");
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ValueApiTest: %d concurrent adds in %.2f s: %.0f adds/s%n", clients * addsEach, seconds,
                clients * addsEach / seconds);
        assertThat(value(id)).isEqualTo(json("32000"));
    }

    private String create(String typecode, String value) {
        return api.create("/api/values", "{\"typecode\": \"" + typecode + "\", \"value\": " + value + "}");
    }

    private JsonNode value(String id) {
        return api.read("/api/values/" + id, "value");
    }

    private JsonNode add(String id, String delta) {
        Reply reply = api.post("/api/values/" + id + "/add", "{\"delta\": " + delta + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().get("value");
    }
}
