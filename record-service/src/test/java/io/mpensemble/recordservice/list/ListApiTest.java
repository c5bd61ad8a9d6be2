package io.mpensemble.recordservice.list;

import static io.mpensemble.recordservice.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.ManagerSessionTest;
import io.mpensemble.recordservice.RecordServiceTest;

/**
 * A manager's list over HTTP against a real Redis: every operation, Python's equality and messages, and that every
 * refused operation leaves the list as it was. Index arithmetic over a sweep of indices: ListPythonOracleTest.
 */
@RecordServiceTest
class ListApiTest extends ManagerSessionTest {

    static final String RECORDS = "[[\"Sam\", 10], [\"Adam\", 9], [\"Kevin\", 9]]";

    @Test
    void createsAListKeepingEachValueAsItsJson() {
        String values = "[[\"Sam\", 10], 1.0, 1, 12345678901234567890123, -0.0, 2.5e-7, true, null, \"Zoë\\n\\u0000\","
                + " {\"b\": [], \"a\": {}}, \"\uD83D\uDE00\"]";
        Api.Reply created = api.post("/api/managers/" + manager + "/lists", "{\"values\": " + values + "}");
        JsonNode list = created.ok(201);
        String id = list.get("id").asString();
        assertThat(id).matches("l-[0-9a-f]{32}");
        assertThat(created.location()).hasValue("/api/lists/" + id);
        assertThat(list.get("values")).isEqualTo(json(values));
        assertThat(api.get("/api/lists/" + id).ok()).isEqualTo(json("{\"id\": \"" + id + "\", \"values\": "
                + values + "}"));
        assertThat(api.get("/api/lists/" + id + "/length").ok()).isEqualTo(json("{\"length\": 11}"));
    }

    @Test
    void createsAnEmptyListWithoutBodyOrValues() {
        for (String body : new String[] { null, "{}", "{\"values\": []}", "{\"values\": null}" }) {
            JsonNode list = api.send("POST", "/api/managers/" + manager + "/lists", body).ok(201);
            assertThat(list.get("values")).as(body).isEqualTo(json("[]"));
            assertThat(values(list.get("id").asString())).isEqualTo(json("[]"));
        }
    }

    @Test
    void appendExtendAndInsertAnswerTheNewLength() {
        String id = list(RECORDS);
        assertThat(api.post(path(id, "append"), "{\"value\": [\"Jeff\", 8]}").ok()).isEqualTo(json("{\"length\": 4}"));
        assertThat(api.post(path(id, "append"), "{\"value\": null}").ok()).isEqualTo(json("{\"length\": 5}"));
        assertThat(api.post(path(id, "extend"), "{\"values\": [1, {\"x\": 2}]}").ok())
                .isEqualTo(json("{\"length\": 7}"));
        assertThat(api.post(path(id, "extend"), "{\"values\": []}").ok()).isEqualTo(json("{\"length\": 7}"));
        assertThat(api.post(path(id, "insert"), "{\"index\": 1, \"value\": \"one\"}").ok())
                .isEqualTo(json("{\"length\": 8}"));
        assertThat(api.post(path(id, "insert"), "{\"index\": -100, \"value\": \"first\"}").ok())
                .isEqualTo(json("{\"length\": 9}"));
        assertThat(api.post(path(id, "insert"), "{\"index\": 100000000000000000000, \"value\": \"last\"}").ok())
                .isEqualTo(json("{\"length\": 10}"));
        assertThat(values(id)).isEqualTo(json("[\"first\", [\"Sam\", 10], \"one\", [\"Adam\", 9], [\"Kevin\", 9], "
                + "[\"Jeff\", 8], null, 1, {\"x\": 2}, \"last\"]"));
    }

    @Test
    void itemsReadAndWriteWithPythonsIndices() {
        String id = list(RECORDS);
        assertThat(api.get(path(id, "items/0")).ok()).isEqualTo(json("{\"index\": 0, \"value\": [\"Sam\", 10]}"));
        assertThat(api.get(path(id, "items/-1")).ok()).isEqualTo(json("{\"index\": -1, \"value\": [\"Kevin\", 9]}"));
        assertThat(api.put(path(id, "items/-3"), "{\"value\": {\"name\": \"Sam\"}}").ok())
                .isEqualTo(json("{\"index\": -3, \"value\": {\"name\": \"Sam\"}}"));
        assertThat(values(id)).isEqualTo(json("[{\"name\": \"Sam\"}, [\"Adam\", 9], [\"Kevin\", 9]]"));
    }

    @ParameterizedTest
    @CsvSource({ "3", "-4", "100000000000000000000", "-100000000000000000000" })
    void anItemOutOfRangeIsAnIndexErrorAndChangesNothing(String index) {
        String id = list(RECORDS);
        api.get(path(id, "items/" + index)).problem(400, "index-error", "list index out of range");
        api.put(path(id, "items/" + index), "{\"value\": 1}")
                .problem(400, "index-error", "list assignment index out of range");
        api.post(path(id, "pop"), "{\"index\": " + index + "}")
                .problem(400, "index-error", "pop index out of range");
        assertThat(values(id)).isEqualTo(json(RECORDS));
    }

    @Test
    void slicesReadAndAssignAsInPython() {
        String id = list("[1, 2, 3]");
        assertThat(api.get(path(id, "slice?start=-2")).ok()).isEqualTo(json("{\"values\": [2, 3]}"));
        assertThat(api.get(path(id, "slice?step=-1")).ok()).isEqualTo(json("{\"values\": [3, 2, 1]}"));
        assertThat(api.get(path(id, "slice")).ok()).isEqualTo(json("{\"values\": [1, 2, 3]}"));
        // l[1:2] = [7, 8, 9]
        assertThat(api.put(path(id, "slice?start=1&stop=2"), "{\"values\": [7, 8, 9]}").ok())
                .isEqualTo(json("{\"id\": \"" + id + "\", \"values\": [1, 7, 8, 9, 3]}"));
        // l[::2] = ["a", "b", "c"]
        assertThat(api.put(path(id, "slice?step=2"), "{\"values\": [\"a\", \"b\", \"c\"]}").ok().get("values"))
                .isEqualTo(json("[\"a\", 7, \"b\", 9, \"c\"]"));
        // l[:] = []
        assertThat(api.put(path(id, "slice"), "{\"values\": []}").ok().get("values")).isEqualTo(json("[]"));
        assertThat(api.get(path(id, "length")).ok()).isEqualTo(json("{\"length\": 0}"));
    }

    @Test
    void aRefusedSliceChangesNothing() {
        String id = list("[1, 2, 3, 4]");
        api.get(path(id, "slice?step=0")).problem(400, "value-error", "slice step cannot be zero");
        api.put(path(id, "slice?step=0"), "{\"values\": []}").problem(400, "value-error", "slice step cannot be zero");
        api.put(path(id, "slice?step=2"), "{\"values\": [1]}").problem(400, "value-error",
                "attempt to assign sequence of size 1 to extended slice of size 2");
        api.put(path(id, "slice?step=-1"), "{\"values\": []}").problem(400, "value-error",
                "attempt to assign sequence of size 0 to extended slice of size 4");
        api.get(path(id, "slice?start=a")).problem(400, "bad-request");
        api.get(path(id, "slice?step=1.5")).problem(400, "bad-request");
        assertThat(values(id)).isEqualTo(json("[1, 2, 3, 4]"));
    }

    @Test
    void popTakesTheLastOrTheGivenElement() {
        String id = list(RECORDS);
        assertThat(api.post(path(id, "pop")).ok()).isEqualTo(json("{\"value\": [\"Kevin\", 9]}"));
        assertThat(api.post(path(id, "pop"), "{}").ok()).isEqualTo(json("{\"value\": [\"Adam\", 9]}"));
        api.post(path(id, "append"), "{\"value\": 1.0}").ok();
        assertThat(api.post(path(id, "pop"), "{\"index\": 0}").ok()).isEqualTo(json("{\"value\": [\"Sam\", 10]}"));
        assertThat(api.post(path(id, "pop"), "{\"index\": -1}").ok()).isEqualTo(json("{\"value\": 1.0}"));
        api.post(path(id, "pop")).problem(400, "index-error", "pop from empty list");
        api.post(path(id, "pop"), "{\"index\": 0}").problem(400, "index-error", "pop from empty list");
        assertThat(values(id)).isEqualTo(json("[]"));
        assertThat(api.post(path(id, "append"), "{\"value\": 2}").ok()).isEqualTo(json("{\"length\": 1}"));
    }

    @Test
    void popFromTheMiddleKeepsTheOrder() {
        String id = list("[0, 1, 2, 1, 4]");
        assertThat(api.post(path(id, "pop"), "{\"index\": 3}").ok()).isEqualTo(json("{\"value\": 1}"));
        assertThat(api.post(path(id, "pop"), "{\"index\": -3}").ok()).isEqualTo(json("{\"value\": 1}"));
        assertThat(values(id)).isEqualTo(json("[0, 2, 4]"));
    }

    @Test
    void removeIndexCountAndContainsUsePythonsEquality() {
        String id = list("[1, [\"Sam\", 10], {\"b\": 2, \"a\": 1}, true, 1.0, \"1\", 1e20, 100000000000000000001, "
                + "null, [\"Sam\", 10]]");
        assertThat(count(id, "1")).as("1 == True == 1.0, as in Python").isEqualTo(3);
        assertThat(count(id, "1.0")).isEqualTo(3);
        assertThat(count(id, "\"1\"")).isEqualTo(1);
        assertThat(count(id, "[\"Sam\", 10.0]")).isEqualTo(2);
        assertThat(count(id, "{\"a\": 1, \"b\": 2}")).as("dicts compare regardless of key order").isEqualTo(1);
        assertThat(count(id, "100000000000000000000")).as("10**20 == 1e20").isEqualTo(1);
        assertThat(count(id, "1.00000000000000000001e20")).as("a float is a double: 1e20").isEqualTo(1);
        assertThat(count(id, "null")).isEqualTo(1);
        assertThat(count(id, "0")).isEqualTo(0);
        assertThat(count(id, "[]")).isEqualTo(0);

        assertThat(api.post(path(id, "index"), "{\"value\": [\"Sam\", 10]}").ok()).isEqualTo(json("{\"index\": 1}"));
        assertThat(api.post(path(id, "index"), "{\"value\": [\"Sam\", 10], \"start\": 2}").ok())
                .isEqualTo(json("{\"index\": 9}"));
        assertThat(api.post(path(id, "index"), "{\"value\": 1, \"start\": -7, \"stop\": -5}").ok())
                .isEqualTo(json("{\"index\": 3}"));
        assertThat(api.post(path(id, "contains"), "{\"value\": 100000000000000000001}").ok())
                .isEqualTo(json("{\"contains\": true}"));
        assertThat(api.post(path(id, "contains"), "{\"value\": 100000000000000000002}").ok())
                .isEqualTo(json("{\"contains\": false}"));

        assertThat(api.post(path(id, "remove"), "{\"value\": 1.0}").status()).isEqualTo(204);
        assertThat(api.post(path(id, "remove"), "{\"value\": {\"a\": 1, \"b\": 2}}").status()).isEqualTo(204);
        assertThat(values(id)).isEqualTo(json("[[\"Sam\", 10], true, 1.0, \"1\", 1e20, 100000000000000000001, null,"
                + " [\"Sam\", 10]]"));
    }

    @Test
    void anAbsentValueIsAValueErrorAndChangesNothing() {
        String id = list(RECORDS);
        api.post(path(id, "remove"), "{\"value\": [\"Jeff\", 8]}")
                .problem(400, "value-error", "list.remove(x): x not in list");
        api.post(path(id, "index"), "{\"value\": [\"Jeff\", 8]}")
                .problem(400, "value-error", "['Jeff', 8] is not in list");
        api.post(path(id, "index"), "{\"value\": \"it's\"}").problem(400, "value-error", "\"it's\" is not in list");
        api.post(path(id, "index"), "{\"value\": [\"Sam\", 10], \"start\": 1}")
                .problem(400, "value-error", "['Sam', 10] is not in list");
        api.post(path(id, "index"), "{\"value\": [\"Sam\", 10], \"stop\": -3}")
                .problem(400, "value-error", "['Sam', 10] is not in list");
        assertThat(values(id)).isEqualTo(json(RECORDS));
    }

    @Test
    void clearEmptiesTheListWhichLivesOn() {
        String id = list(RECORDS);
        assertThat(api.post(path(id, "clear")).status()).isEqualTo(204);
        assertThat(values(id)).isEqualTo(json("[]"));
        assertThat(api.post(path(id, "clear")).status()).isEqualTo(204);
        assertThat(api.post(path(id, "append"), "{\"value\": 1}").ok()).isEqualTo(json("{\"length\": 1}"));
    }

    @Test
    void everyOperationOnAnUnknownListIsNotFound() {
        for (String id : new String[] { "l-00000000000000000000000000000000", "nope", "l-0:values" }) {
            api.get("/api/lists/" + id).problem(404, "not-found");
            api.get(path(id, "length")).problem(404, "not-found");
            api.post(path(id, "append"), "{\"value\": 1}").problem(404, "not-found");
            api.post(path(id, "extend"), "{\"values\": [1]}").problem(404, "not-found");
            api.post(path(id, "insert"), "{\"index\": 0, \"value\": 1}").problem(404, "not-found");
            api.get(path(id, "items/0")).problem(404, "not-found");
            api.put(path(id, "items/0"), "{\"value\": 1}").problem(404, "not-found");
            api.get(path(id, "slice")).problem(404, "not-found");
            api.put(path(id, "slice"), "{\"values\": [1]}").problem(404, "not-found");
            api.post(path(id, "pop")).problem(404, "not-found");
            api.post(path(id, "remove"), "{\"value\": 1}").problem(404, "not-found");
            api.post(path(id, "index"), "{\"value\": 1}").problem(404, "not-found");
            api.post(path(id, "count"), "{\"value\": 1}").problem(404, "not-found");
            api.post(path(id, "contains"), "{\"value\": 1}").problem(404, "not-found");
            api.post(path(id, "clear")).problem(404, "not-found");
        }
        assertThat(api.post("/api/managers/m-00000000000000000000000000000000/lists", "{\"values\": [1]}")
                .problem(404, "not-found").get("detail").asString()).contains("no manager");
    }

    @Test
    void malformedRequestsAre400sAndChangeNothing() {
        String id = list(RECORDS);
        api.post(path(id, "append")).problem(400, "invalid-body", "the request body is missing");
        api.post(path(id, "append"), "{}").problem(400, "invalid-field", "value: is required");
        api.post(path(id, "append"), "{\"value\": 1, \"extra\": 2}").problem(400, "invalid-body");
        api.post(path(id, "append"), "{\"value\": [1,}").problem(400, "invalid-body");
        api.post(path(id, "append"), "[1]").problem(400, "invalid-body");
        api.post(path(id, "append"), "{\"value\": 1} 2").problem(400, "invalid-body");
        api.post(path(id, "append"), "{\"value\": 1e400}").problem(400, "out-of-range");
        api.post(path(id, "append"), "{\"value\": [\"\\ud800\"]}").problem(400, "value-error",
                "value[0]: a lone surrogate (U+D800) cannot be stored as UTF-8 text");
        api.post(path(id, "extend"), "{\"values\": {\"a\": 1}}").problem(400, "invalid-body");
        api.post(path(id, "extend"), "{\"values\": [1, 2, 1e999]}").problem(400, "out-of-range");
        api.post(path(id, "insert"), "{\"index\": 1.5, \"value\": 1}").problem(400, "invalid-body");
        api.post(path(id, "insert"), "{\"index\": \"1\", \"value\": 1}").problem(400, "invalid-body");
        api.post(path(id, "insert"), "{\"value\": 1}").problem(400, "invalid-field");
        api.post(path(id, "pop"), "{\"index\": null}").ok();
        api.post(path(id, "append"), "{\"value\": [\"Kevin\", 9]}").ok();
        api.post(path(id, "pop"), "{\"index\": true}").problem(400, "invalid-body");
        api.post(path(id, "pop"), "\"last\"").problem(400, "invalid-body");
        api.post(path(id, "index"), "{\"value\": 1, \"start\": 0.5}").problem(400, "invalid-body");
        api.get(path(id, "items/first")).problem(400, "bad-request");
        api.get(path(id, "items/1.0")).problem(400, "bad-request");
        api.put(path(id, "items/0"), "{\"values\": [1]}").problem(400, "invalid-body");
        api.put(path(id, "slice"), "{\"value\": 1}").problem(400, "invalid-body");
        assertThat(values(id)).isEqualTo(json(RECORDS));
    }

    private String list(String values) {
        return api.create("/api/managers/" + manager + "/lists", "{\"values\": " + values + "}");
    }

    private JsonNode values(String id) {
        return api.read("/api/lists/" + id, "values");
    }

    private long count(String id, String value) {
        return api.post(path(id, "count"), "{\"value\": " + value + "}").ok().get("count").asLong();
    }

    private static String path(String id, String operation) {
        return "/api/lists/" + id + "/" + operation;
    }
}
