package io.mpensemble.recordservice.array;

import static io.mpensemble.recordservice.Api.assertProblem;
import static io.mpensemble.recordservice.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.Api.Reply;
import io.mpensemble.recordservice.RecordServiceTest;
import io.mpensemble.recordservice.Refusal;

/** Python's {@code Array} over HTTP against a real Redis: indices and slices as in Python, and every refusal. */
@RecordServiceTest(properties = "mp-ensemble.records.shared-memory.array.max-length=1000")
class ArrayApiTest {

    @Autowired
    Api api;

    @Test
    void createsBySizeOrByValues() {
        Reply bySize = api.post("/api/arrays", "{\"typecode\": \"i\", \"size\": 4}");
        assertThat(bySize.status()).isEqualTo(201);
        String id = bySize.json().get("id").asString();
        assertThat(id).matches("a-[0-9a-f]{32}");
        assertThat(bySize.headers().firstValue("Location")).hasValue("/api/arrays/" + id);
        assertThat(bySize.json()).isEqualTo(json("{\"id\": \"" + id + "\", \"typecode\": \"i\", \"length\": 4, "
                + "\"values\": [0, 0, 0, 0]}"));
        assertThat(api.get("/api/arrays/" + id).json()).isEqualTo(bySize.json());
        assertThat(api.get("/api/arrays/" + id + "/length").json()).isEqualTo(json("{\"length\": 4}"));

        assertThat(values(create("Q", "[18446744073709551615, 0, 9223372036854775808]")))
                .isEqualTo(json("[18446744073709551615, 0, 9223372036854775808]"));
        assertThat(values(create("q", "[-9223372036854775808, 9223372036854775807]")))
                .isEqualTo(json("[-9223372036854775808, 9223372036854775807]"));
        assertThat(values(create("f", "[0.1, 4, -1.5]"))).isEqualTo(json("[0.10000000149011612, 4.0, -1.5]"));
        assertThat(values(create("c", "[\"a\", \"\\u0000\", \"\\u00ff\"]")))
                .isEqualTo(json("[\"a\", \"\\u0000\", \"\\u00ff\"]"));
        assertThat(values(create("d", "[]"))).isEqualTo(json("[]"));
        Reply empty = api.post("/api/arrays", "{\"typecode\": \"d\", \"size\": 0}");
        assertThat(empty.json().get("values")).isEqualTo(json("[]"));
        assertThat(api.post("/api/arrays", "{\"typecode\": \"Q\", \"size\": 2}").json().get("values"))
                .isEqualTo(json("[0, 0]"));
        assertThat(api.post("/api/arrays", "{\"typecode\": \"c\", \"size\": 1}").json().get("values"))
                .isEqualTo(json("[\"\\u0000\"]"));
    }

    @Test
    void itemsAreIndexedAsInPython() {
        String id = create("i", "[1, 4, 9, 16]");
        assertThat(api.get("/api/arrays/" + id + "/items/0").json()).isEqualTo(json("{\"index\": 0, \"value\": 1}"));
        assertThat(api.get("/api/arrays/" + id + "/items/-1").json()).isEqualTo(json("{\"index\": 3, \"value\": 16}"));
        assertThat(api.get("/api/arrays/" + id + "/items/-4").json()).isEqualTo(json("{\"index\": 0, \"value\": 1}"));

        assertThat(api.put("/api/arrays/" + id + "/items/-1", "{\"value\": 25}").json())
                .isEqualTo(json("{\"index\": 3, \"value\": 25}"));
        assertThat(api.post("/api/arrays/" + id + "/items/1/add", "{\"delta\": -5}").json())
                .isEqualTo(json("{\"index\": 1, \"value\": -1}"));
        assertThat(values(id)).isEqualTo(json("[1, -1, 9, 25]"));

        for (String index : List.of("4", "-5", "2147483648", "99999999999999999999999", "-99999999999999999999999")) {
            Reply reply = api.get("/api/arrays/" + id + "/items/" + index);
            assertProblem(reply, 400, "index-error");
            assertThat(reply.detail()).isEqualTo("invalid index " + index + " for an Array of length 4");
            assertProblem(api.put("/api/arrays/" + id + "/items/" + index, "{\"value\": 1}"), 400, "index-error");
            assertProblem(api.post("/api/arrays/" + id + "/items/" + index + "/add", "{\"delta\": 1}"), 400,
                    "index-error");
        }
        for (String notAnIndex : List.of("abc", "1.5", "0x1", "1e3")) {
            Reply reply = api.get("/api/arrays/" + id + "/items/" + notAnIndex);
            assertProblem(reply, 400, "type-error");
            assertThat(reply.detail()).isEqualTo("index must be an integer, not '" + notAnIndex + "'");
        }
        assertThat(values(id)).isEqualTo(json("[1, -1, 9, 25]"));
    }

    @Test
    void addIsExactAndTouchesOnlyItsElement() {
        String id = create("Q", "[1, 0, 2]");
        assertThat(api.post("/api/arrays/" + id + "/items/1/add", "{\"delta\": 18446744073709551615}").json())
                .isEqualTo(json("{\"index\": 1, \"value\": 18446744073709551615}"));
        Reply over = api.post("/api/arrays/" + id + "/items/1/add", "{\"delta\": 1}");
        assertProblem(over, 400, "out-of-range");
        assertThat(over.detail()).isEqualTo("Array " + id + "[1]: 18446744073709551615 + 1 = 18446744073709551616 "
                + "is outside typecode 'Q' (0..18446744073709551615)");
        assertThat(api.post("/api/arrays/" + id + "/items/-2/add", "{\"delta\": -18446744073709551614}").json())
                .isEqualTo(json("{\"index\": 1, \"value\": 1}"));
        assertThat(values(id)).isEqualTo(json("[1, 1, 2]"));

        String bytes = create("B", "[0, 255, 0]");
        assertProblem(api.post("/api/arrays/" + bytes + "/items/1/add", "{\"delta\": 1}"), 400, "out-of-range");
        assertProblem(api.post("/api/arrays/" + bytes + "/items/0/add", "{\"delta\": -1}"), 400, "out-of-range");
        assertThat(api.post("/api/arrays/" + bytes + "/items/0/add", "{\"delta\": 255}").json().get("value"))
                .isEqualTo(json("255"));
        assertThat(values(bytes)).isEqualTo(json("[255, 255, 0]"));

        String floats = create("d", "[0.5, 1.5]");
        assertThat(api.post("/api/arrays/" + floats + "/items/1/add", "{\"delta\": 2}").json())
                .isEqualTo(json("{\"index\": 1, \"value\": 3.5}"));
        assertProblem(api.post("/api/arrays/" + create("c", "[\"a\"]") + "/items/0/add", "{\"delta\": 1}"), 400,
                "type-error");
    }

    @ParameterizedTest(name = "range(7)[{0}] == {1}")
    @CsvSource(delimiter = '|', value = {
            "''                       | [0, 1, 2, 3, 4, 5, 6]",
            "step=-1                  | [6, 5, 4, 3, 2, 1, 0]",
            "start=-2                 | [5, 6]",
            "stop=-2                  | [0, 1, 2, 3, 4]",
            "start=1&stop=5&step=2    | [1, 3]",
            "start=5&stop=1&step=-2   | [5, 3]",
            "start=-1&step=-3         | [6, 3, 0]",
            "start=-100&stop=100&step=4 | [0, 4]",
            "start=4&stop=2           | []",
            "start=&stop=&step=       | [0, 1, 2, 3, 4, 5, 6]",
            "start=6&step=-1000000000000000000000 | [6]" })
    void slicesSelectWhatPythonSelects(String query, String python) {
        String id = create("h", "[0, 1, 2, 3, 4, 5, 6]");
        Reply slice = api.get("/api/arrays/" + id + "/slice?" + query);
        assertThat(slice.status()).as(slice.toString()).isEqualTo(200);
        assertThat(slice.json()).isEqualTo(json("{\"values\": " + python + "}"));
    }

    @Test
    void sliceAssignmentWritesExactlyTheSlicesElements() {
        String id = create("h", "[0, 1, 2, 3, 4, 5, 6]");
        Reply stepped = api.put("/api/arrays/" + id + "/slice?start=1&stop=5&step=2", "{\"values\": [10, 30]}");
        assertThat(stepped.json()).isEqualTo(json("{\"id\": \"" + id + "\", \"typecode\": \"h\", \"length\": 7, "
                + "\"values\": [0, 10, 2, 30, 4, 5, 6]}"));
        assertThat(api.put("/api/arrays/" + id + "/slice?step=-2", "{\"values\": [60, 40, 20, 0]}").json()
                .get("values")).isEqualTo(json("[0, 10, 20, 30, 40, 5, 60]"));
        assertThat(api.put("/api/arrays/" + id + "/slice?start=-2", "{\"values\": [-5, -6]}").json().get("values"))
                .isEqualTo(json("[0, 10, 20, 30, 40, -5, -6]"));
        assertThat(api.put("/api/arrays/" + id + "/slice?start=3&stop=3", "{\"values\": []}").json().get("values"))
                .isEqualTo(json("[0, 10, 20, 30, 40, -5, -6]"));
        assertThat(api.put("/api/arrays/" + id, "{\"values\": [6, 5, 4, 3, 2, 1, 0]}").json().get("values"))
                .isEqualTo(json("[6, 5, 4, 3, 2, 1, 0]"));
        assertThat(values(id)).isEqualTo(json("[6, 5, 4, 3, 2, 1, 0]"));
    }

    @Test
    void everyRefusalLeavesTheArrayAsItWas() {
        String id = create("b", "[1, 2, 3]");
        String path = "/api/arrays/" + id;
        List<Refusal> refusals = List.of(
                new Refusal("PUT", path + "/items/3", "{\"value\": 9}", 400, "index-error", "invalid index 3 for an "
                        + "Array of length 3"),
                new Refusal("PUT", path + "/items/0", "{\"value\": 1.5}", 400, "type-error", "value must be an integer "
                        + "for typecode 'b', not 1.5"),
                new Refusal("PUT", path + "/items/0", "{\"value\": 128}", 400, "out-of-range", "value 128 is outside "
                        + "typecode 'b' (-128..127)"),
                new Refusal("PUT", path + "/items/0", "{}", 400, "invalid-field", null),
                new Refusal("PUT", path + "/items/0", null, 400, "invalid-body", null),
                new Refusal("POST", path + "/items/0/add", "{\"delta\": \"1\"}", 400, "type-error", null),
                new Refusal("POST", path + "/items/2/add", "{\"delta\": 125}", 400, "out-of-range", "Array " + id
                        + "[2]: 3 + 125 = 128 is outside typecode 'b' (-128..127)"),
                new Refusal("PUT", path + "/slice?stop=2", "{\"values\": [7, 8, 9]}", 400, "value-error",
                        "Can only assign sequence of same size: the slice has 2 elements, values has 3"),
                new Refusal("PUT", path + "/slice?step=0", "{\"values\": []}", 400, "value-error",
                        "slice step cannot be zero"),
                new Refusal("GET", path + "/slice?step=0", null, 400, "value-error", "slice step cannot be zero"),
                new Refusal("PUT", path + "/slice?step=2", "{\"values\": [7, 200]}", 400, "out-of-range",
                        "values[1] 200 is outside typecode 'b' (-128..127)"),
                new Refusal("PUT", path + "/slice?step=x", "{\"values\": [7, 8]}", 400, "type-error",
                        "step must be an integer, not 'x'"),
                new Refusal("PUT", path, "{\"values\": [7, 8]}", 400, "value-error",
                        "Can only assign sequence of same size: the slice has 3 elements, values has 2"),
                new Refusal("PUT", path, "{\"values\": [7, 8, null]}", 400, "type-error",
                        "values[2] must be an integer for typecode 'b', not null"),
                new Refusal("PUT", path, "{\"values\": 7}", 400, "invalid-body", null),
                new Refusal("PUT", path, "{\"values\": [7, 8, 9], \"typecode\": \"b\"}", 400, "invalid-body", null),
                new Refusal("PUT", path, "{}", 400, "invalid-field", null));
        for (Refusal refusal : refusals) {
            refusal.sendTo(api);
            assertThat(values(id)).as("after " + refusal).isEqualTo(json("[1, 2, 3]"));
        }
        for (String write : List.of("PUT " + path + "/items/0 {\"value\": 9}",
                "POST " + path + "/items/0/add {\"delta\": 1}", "PUT " + path + "/slice?step=2 {\"values\": [9, 9]}",
                "PUT " + path + " {\"values\": [9, 9, 9]}")) {
            String[] parts = write.split(" ", 3);
            Reply reply = api.send(parts[0], parts[1], parts[2], "Lock-Token", "not-a-token");
            assertProblem(reply, 409, "lock-not-held");
            assertThat(values(id)).as("after " + write + " with a stranger's token").isEqualTo(json("[1, 2, 3]"));
        }
    }

    @Test
    void refusesToCreateWhatPythonRefusesAndWhatExceedsTheLimit() {
        List<Refusal> refusals = List.of(
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"i\", \"size\": 2, \"values\": [1, 2]}", 400,
                        "type-error", "Array takes either size or values (Python's size_or_initializer), not both"),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"i\"}", 400, "type-error",
                        "Array takes either size or values (Python's size_or_initializer), neither was given"),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"i\", \"size\": -1}", 400, "value-error",
                        "Array length must be >= 0, not -1"),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"i\", \"size\": 1001}", 400, "limit-exceeded",
                        "size 1001 exceeds the limit of 1000 elements per Array "
                                + "(mp-ensemble.records.shared-memory.array.max-length)"),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"i\", \"size\": 1" + "0".repeat(30) + "}", 400,
                        "limit-exceeded", null),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"i\", \"values\": " + range(1001) + "}", 400,
                        "limit-exceeded", "1001 values exceeds the limit of 1000 elements per Array "
                                + "(mp-ensemble.records.shared-memory.array.max-length)"),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"i\", \"size\": 1.5}", 400, "invalid-body", null),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"i\", \"values\": \"12\"}", 400, "invalid-body",
                        null),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"i\", \"values\": [1, 2.5]}", 400, "type-error",
                        "values[1] must be an integer for typecode 'i', not 2.5"),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"b\", \"values\": [1, 300]}", 400, "out-of-range",
                        "values[1] 300 is outside typecode 'b' (-128..127)"),
                new Refusal("POST", "/api/arrays", "{\"typecode\": \"z\", \"size\": 1}", 400, "type-error", null),
                new Refusal("POST", "/api/arrays", "{\"size\": 1}", 400, "invalid-field", null),
                new Refusal("POST", "/api/arrays", null, 400, "invalid-body", null));
        for (Refusal refusal : refusals) {
            refusal.sendTo(api);
        }
        assertThat(api.post("/api/arrays", "{\"typecode\": \"i\", \"size\": 1000}").status()).isEqualTo(201);
    }

    @Test
    void theLargestArrayKeepsEveryElementInPlace() {
        String id = create("d", range(1000));
        assertThat(api.get("/api/arrays/" + id + "/slice?start=999&step=-333").json())
                .isEqualTo(json("{\"values\": [999.0, 666.0, 333.0, 0.0]}"));
        List<String> sevenths = IntStream.range(0, 143).mapToObj(i -> String.valueOf(-i)).toList();
        assertThat(api.put("/api/arrays/" + id + "/slice?step=7", "{\"values\": " + sevenths + "}").status())
                .isEqualTo(200);
        JsonNode values = values(id);
        for (int i = 0; i < 1000; i++) {
            assertThat(values.get(i).doubleValue()).isEqualTo(i % 7 == 0 ? -(i / 7) : i);
        }
    }

    @Test
    void idsThatNameNoArrayAreNotFoundAndDeletedArraysAreGone() {
        String valueId = api.post("/api/values", "{\"typecode\": \"i\"}").json().get("id").asString();
        for (String id : List.of("a-" + "0".repeat(32), "nope", valueId)) {
            Reply reply = api.get("/api/arrays/" + id);
            assertProblem(reply, 404, "not-found");
            assertThat(reply.detail()).isEqualTo("no Array with id '" + id + "'");
        }
        String id = create("i", "[1, 2]");
        assertThat(api.delete("/api/arrays/" + id).status()).isEqualTo(204);
        for (Reply gone : List.of(api.get("/api/arrays/" + id), api.get("/api/arrays/" + id + "/length"),
                api.get("/api/arrays/" + id + "/items/0"), api.get("/api/arrays/" + id + "/slice"),
                api.put("/api/arrays/" + id + "/items/0", "{\"value\": 1}"),
                api.put("/api/arrays/" + id, "{\"values\": [1, 2]}"),
                api.post("/api/arrays/" + id + "/items/0/add", "{\"delta\": 1}"),
                api.delete("/api/arrays/" + id))) {
            assertProblem(gone, 404, "not-found");
        }
    }

    @Test
    void concurrentAddsToItemsLoseNoUpdate() throws Exception {
        String id = create("i", "[0, 0, 0, 0]");
        int clients = 32;
        int addsEach = 100;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int item = c % 4;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < addsEach; i++) {
                        Reply reply = api.post("/api/arrays/" + id + "/items/" + item + "/add", "{\"delta\": 1}");
                        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get();
            }
        }
        assertThat(values(id)).isEqualTo(json("[800, 800, 800, 800]"));
    }

    private static String range(int n) {
        return IntStream.range(0, n).mapToObj(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    private String create(String typecode, String values) {
        return api.create("/api/arrays", "{\"typecode\": \"" + typecode + "\", \"values\": " + values + "}");
    }

    private JsonNode values(String id) {
        return api.read("/api/arrays/" + id, "values");
    }
}
