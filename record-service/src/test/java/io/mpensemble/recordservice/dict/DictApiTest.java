package io.mpensemble.recordservice.dict;

import static io.mpensemble.recordservice.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.ManagerSessionTest;
import io.mpensemble.recordservice.RecordServiceTest;

/**
 * A manager's dict over HTTP against a real Redis: every operation, insertion order, Python's KeyError, and that
 * every refused operation leaves the dict as it was.
 */
@RecordServiceTest
class DictApiTest extends ManagerSessionTest {

    static final String SCORES = "{\"Sam\": 10, \"Adam\": [9, 9.5], \"Kevin\": null}";

    @Test
    void createsADictKeepingInsertionOrderAndEachValueAsItsJson() {
        Api.Reply created = api.post("/api/managers/" + manager + "/dicts", "{\"entries\": " + SCORES + "}");
        JsonNode dict = created.ok(201);
        String id = dict.get("id").asString();
        assertThat(id).matches("d-[0-9a-f]{32}");
        assertThat(created.location()).hasValue("/api/dicts/" + id);
        assertThat(dict.get("entries")).isEqualTo(json(SCORES));

        assertThat(api.get("/api/dicts/" + id).ok()).isEqualTo(json("{\"id\": \"" + id + "\", \"entries\": " + SCORES
                + "}"));
        assertThat(api.get(path(id, "keys")).ok().toString()).isEqualTo("{\"keys\":[\"Sam\",\"Adam\",\"Kevin\"]}");
        assertThat(api.get(path(id, "values")).ok().toString()).isEqualTo("{\"values\":[10,[9,9.5],null]}");
        assertThat(api.get(path(id, "items")).ok().toString())
                .isEqualTo("{\"items\":[[\"Sam\",10],[\"Adam\",[9,9.5]],[\"Kevin\",null]]}");
        assertThat(api.get(path(id, "length")).ok()).isEqualTo(json("{\"length\": 3}"));
        assertThat(api.get("/api/dicts/" + id).body()).contains("{\"Sam\":10,\"Adam\":[9,9.5],\"Kevin\":null}");
    }

    @Test
    void createsAnEmptyDictWithoutBodyOrEntries() {
        for (String body : new String[] { null, "{}", "{\"entries\": {}}", "{\"entries\": null}" }) {
            JsonNode dict = api.send("POST", "/api/managers/" + manager + "/dicts", body).ok(201);
            assertThat(dict.get("entries")).as(body).isEqualTo(json("{}"));
            assertThat(api.get(path(dict.get("id").asString(), "length")).ok()).isEqualTo(json("{\"length\": 0}"));
        }
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndLastValueAsInPython() {
        String id = dict("{\"a\": 1, \"b\": 2, \"a\": 3}");
        assertThat(api.get(path(id, "items")).ok().toString()).isEqualTo("{\"items\":[[\"a\",3],[\"b\",2]]}");
    }

    @Test
    void entriesReadWriteAndDeleteByKey() {
        String id = dict(SCORES);
        assertThat(api.get(path(id, "entries/Sam")).ok()).isEqualTo(json("{\"key\": \"Sam\", \"value\": 10}"));
        assertThat(api.get(path(id, "entries/Kevin")).ok()).isEqualTo(json("{\"key\": \"Kevin\", \"value\": null}"));
        // an existing key keeps its place, a new one goes last
        assertThat(api.put(path(id, "entries/Sam"), "{\"value\": {\"score\": 11}}").ok())
                .isEqualTo(json("{\"key\": \"Sam\", \"value\": {\"score\": 11}}"));
        assertThat(api.put(path(id, "entries/Zo%C3%AB%20%3F%25%3B"), "{\"value\": 1}").ok())
                .isEqualTo(json("{\"key\": \"Zoë ?%;\", \"value\": 1}"));
        assertThat(api.get(path(id, "entries/Zo%C3%AB%20%3F%25%3B")).ok().get("value")).isEqualTo(json("1"));
        assertThat(api.delete(path(id, "entries/Adam")).status()).isEqualTo(204);
        assertThat(api.put(path(id, "entries/Adam"), "{\"value\": 9}").ok().get("value")).isEqualTo(json("9"));
        assertThat(api.get(path(id, "keys")).ok().get("keys"))
                .isEqualTo(json("[\"Sam\", \"Kevin\", \"Zoë ?%;\", \"Adam\"]"));
        assertThat(api.get(path(id, "contains/Sam")).ok()).isEqualTo(json("{\"contains\": true}"));
        assertThat(api.get(path(id, "contains/sam")).ok()).isEqualTo(json("{\"contains\": false}"));
    }

    @Test
    void keysNoPathCanCarryWorkThroughTheBodies() {
        String id = dict("{\"a/b\": 1, \"\": 2}");
        assertThat(api.post(path(id, "get"), "{\"key\": \"a/b\"}").ok()).isEqualTo(json("{\"value\": 1}"));
        assertThat(api.post(path(id, "update"), "{\"entries\": {\"a/b\": 3}}").ok()).isEqualTo(json("{\"length\": 2}"));
        assertThat(api.post(path(id, "pop"), "{\"key\": \"\"}").ok()).isEqualTo(json("{\"value\": 2}"));
        assertThat(api.get(path(id, "entries/a%2Fb")).status()).as("the web server refuses an encoded slash")
                .isEqualTo(400);
        assertThat(entries(id)).isEqualTo(json("{\"a/b\": 3}"));
    }

    @Test
    void anAbsentKeyIsAKeyErrorAndChangesNothing() {
        String id = dict(SCORES);
        api.get(path(id, "entries/Jeff")).problem(404, "key-error", "'Jeff'");
        api.delete(path(id, "entries/Jeff")).problem(404, "key-error", "'Jeff'");
        api.get(path(id, "entries/it's")).problem(404, "key-error", "\"it's\"");
        api.post(path(id, "pop"), "{\"key\": \"Jeff\"}").problem(404, "key-error", "'Jeff'");
        assertThat(entries(id)).isEqualTo(json(SCORES));
    }

    @Test
    void getAnswersTheDefaultOrNullWhenAbsent() {
        String id = dict(SCORES);
        assertThat(api.post(path(id, "get"), "{\"key\": \"Sam\", \"default\": 0}").ok())
                .isEqualTo(json("{\"value\": 10}"));
        assertThat(api.post(path(id, "get"), "{\"key\": \"Jeff\", \"default\": [0]}").ok())
                .isEqualTo(json("{\"value\": [0]}"));
        assertThat(api.post(path(id, "get"), "{\"key\": \"Jeff\"}").ok()).isEqualTo(json("{\"value\": null}"));
        assertThat(api.post(path(id, "get"), "{\"key\": \"\"}").ok()).isEqualTo(json("{\"value\": null}"));
        assertThat(entries(id)).isEqualTo(json(SCORES));
    }

    @Test
    void updateSetsInPlaceAndAddsNewKeysLast() {
        String id = dict(SCORES);
        assertThat(api.post(path(id, "update"), "{\"entries\": {\"Jeff\": 8, \"Sam\": 11}}").ok())
                .isEqualTo(json("{\"length\": 4}"));
        assertThat(api.post(path(id, "update"), "{\"entries\": {}}").ok()).isEqualTo(json("{\"length\": 4}"));
        assertThat(api.get(path(id, "items")).ok().get("items"))
                .isEqualTo(json("[[\"Sam\", 11], [\"Adam\", [9, 9.5]], [\"Kevin\", null], [\"Jeff\", 8]]"));
    }

    @Test
    void popRemovesOrAnswersTheDefault() {
        String id = dict(SCORES);
        assertThat(api.post(path(id, "pop"), "{\"key\": \"Adam\"}").ok()).isEqualTo(json("{\"value\": [9, 9.5]}"));
        assertThat(api.post(path(id, "pop"), "{\"key\": \"Adam\", \"default\": 0}").ok())
                .isEqualTo(json("{\"value\": 0}"));
        assertThat(api.post(path(id, "pop"), "{\"key\": \"Adam\", \"default\": null}").ok())
                .isEqualTo(json("{\"value\": null}"));
        assertThat(api.post(path(id, "pop"), "{\"key\": \"Kevin\", \"default\": 0}").ok())
                .isEqualTo(json("{\"value\": null}"));
        assertThat(entries(id)).isEqualTo(json("{\"Sam\": 10}"));
    }

    @Test
    void setdefaultKeepsAPresentValueAndStoresTheDefaultOtherwise() {
        String id = dict(SCORES);
        assertThat(api.post(path(id, "setdefault"), "{\"key\": \"Sam\", \"default\": 0}").ok())
                .isEqualTo(json("{\"value\": 10}"));
        assertThat(api.post(path(id, "setdefault"), "{\"key\": \"Jeff\", \"default\": [8]}").ok())
                .isEqualTo(json("{\"value\": [8]}"));
        assertThat(api.post(path(id, "setdefault"), "{\"key\": \"\"}").ok()).isEqualTo(json("{\"value\": null}"));
        assertThat(api.get(path(id, "items")).ok().get("items")).isEqualTo(json(
                "[[\"Sam\", 10], [\"Adam\", [9, 9.5]], [\"Kevin\", null], [\"Jeff\", [8]], [\"\", null]]"));
    }

    @Test
    void clearEmptiesTheDictWhichLivesOn() {
        String id = dict(SCORES);
        assertThat(api.post(path(id, "clear")).status()).isEqualTo(204);
        assertThat(entries(id)).isEqualTo(json("{}"));
        assertThat(api.get(path(id, "keys")).ok()).isEqualTo(json("{\"keys\": []}"));
        assertThat(api.put(path(id, "entries/b"), "{\"value\": 2}").status()).isEqualTo(200);
        assertThat(api.put(path(id, "entries/a"), "{\"value\": 1}").status()).isEqualTo(200);
        assertThat(api.get(path(id, "keys")).ok()).isEqualTo(json("{\"keys\": [\"b\", \"a\"]}"));
    }

    @Test
    void everyOperationOnAnUnknownDictIsNotFound() {
        for (String id : new String[] { "d-00000000000000000000000000000000", "nope", "d-0:entries" }) {
            api.get("/api/dicts/" + id).problem(404, "not-found");
            api.get(path(id, "keys")).problem(404, "not-found");
            api.get(path(id, "values")).problem(404, "not-found");
            api.get(path(id, "items")).problem(404, "not-found");
            api.get(path(id, "length")).problem(404, "not-found");
            api.get(path(id, "entries/a")).problem(404, "not-found");
            api.put(path(id, "entries/a"), "{\"value\": 1}").problem(404, "not-found");
            api.delete(path(id, "entries/a")).problem(404, "not-found");
            api.post(path(id, "get"), "{\"key\": \"a\"}").problem(404, "not-found");
            api.post(path(id, "update"), "{\"entries\": {\"a\": 1}}").problem(404, "not-found");
            api.post(path(id, "pop"), "{\"key\": \"a\", \"default\": 1}").problem(404, "not-found");
            api.post(path(id, "setdefault"), "{\"key\": \"a\"}").problem(404, "not-found");
            api.get(path(id, "contains/a")).problem(404, "not-found");
            api.post(path(id, "clear")).problem(404, "not-found");
        }
    }

    @Test
    void malformedRequestsAre400sAndChangeNothing() {
        String id = dict(SCORES);
        api.send("PUT", path(id, "entries/a"), null).problem(400, "invalid-body", "the request body is missing");
        api.put(path(id, "entries/a"), "{}").problem(400, "invalid-field", "value: is required");
        api.put(path(id, "entries/a"), "{\"value\": 1e400}").problem(400, "out-of-range");
        api.put(path(id, "entries/a"), "{\"value\": {\"x\": \"\\udc00\"}}").problem(400, "value-error");
        api.post(path(id, "update"), "{\"entries\": [[\"a\", 1]]}").problem(400, "invalid-body");
        api.post(path(id, "update"), "{\"entries\": {\"a\": 1, \"b\": 1e400}}").problem(400, "out-of-range");
        api.post(path(id, "update"), "{\"entries\": {\"\\ud800\": 1}}").problem(400, "invalid-body");
        api.post(path(id, "setdefault"), "{\"key\": \"\\ud800\"}").problem(400, "value-error",
                "key: a lone surrogate (U+D800) cannot be stored as UTF-8 text");
        api.post(path(id, "update"), "{}").problem(400, "invalid-field", "entries: is required");
        api.post(path(id, "get"), "{\"key\": 1}").problem(400, "type-error",
                "key: must be a string (dict keys are strings), not 1");
        api.post(path(id, "setdefault"), "{\"key\": null}").problem(400, "type-error");
        api.post(path(id, "get"), "{\"default\": 1}").problem(400, "invalid-field", "key: is required");
        api.post(path(id, "pop"), "{\"key\": [\"Sam\"]}").problem(400, "type-error");
        api.post(path(id, "setdefault"), "{\"key\": \"a\", \"default\": 1e400}").problem(400, "out-of-range");
        api.post(path(id, "setdefault"), "{\"key\": \"a\", \"other\": 1}").problem(400, "invalid-body");
        api.post(path(id, "setdefault"), "not json").problem(400, "invalid-body");
        assertThat(entries(id)).isEqualTo(json(SCORES));
    }

    private String dict(String entries) {
        return api.create("/api/managers/" + manager + "/dicts", "{\"entries\": " + entries + "}");
    }

    private JsonNode entries(String id) {
        return api.read("/api/dicts/" + id, "entries");
    }

    private static String path(String id, String operation) {
        return "/api/dicts/" + id + "/" + operation;
    }
}
