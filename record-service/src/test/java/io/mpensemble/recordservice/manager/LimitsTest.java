package io.mpensemble.recordservice.manager;

import static io.mpensemble.recordservice.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mpensemble.recordservice.ManagerSessionTest;
import io.mpensemble.recordservice.RecordServiceTest;

/**
 * Each documented limit is a 400 limit-exceeded problem naming its setting, and the refused operation changes
 * nothing. The limits are set low here: 3 objects a session, 5 elements a list, 3 entries a dict, 32 bytes a value.
 */
@RecordServiceTest(properties = {
    "mp-ensemble.records.manager.max-objects=3", "mp-ensemble.records.manager.max-list-length=5",
    "mp-ensemble.records.manager.max-dict-length=3", "mp-ensemble.records.manager.max-value-size=32B" })
class LimitsTest extends ManagerSessionTest {

    /** A string whose JSON text is exactly 32 bytes, and one of 33 ("é" is two bytes in UTF-8). */
    static final String BYTES_32 = "\"" + "x".repeat(30) + "\"";
    static final String BYTES_33 = "\"" + "x".repeat(29) + "é\"";

    @Test
    void aSessionHoldsAtMostMaxObjects() {
        api.post("/api/managers/" + manager + "/lists").ok(201);
        api.post("/api/managers/" + manager + "/dicts").ok(201);
        api.post("/api/managers/" + manager + "/lists").ok(201);

        String detail = "manager '" + manager + "' already holds 3 objects, the limit "
                + "(mp-ensemble.records.manager.max-objects)";
        api.post("/api/managers/" + manager + "/lists").problem(400, "limit-exceeded", detail);
        api.post("/api/managers/" + manager + "/dicts").problem(400, "limit-exceeded", detail);
        assertThat(api.get("/api/managers/" + manager).ok().get("objects").size()).isEqualTo(3);
        String other = api.create("/api/managers", null);
        api.post("/api/managers/" + other + "/lists").ok(201);
    }

    @Test
    void aListHoldsAtMostMaxListLength() {
        api.post("/api/managers/" + manager + "/lists", "{\"values\": [1, 2, 3, 4, 5, 6]}").problem(400,
                "limit-exceeded", "the new list would hold 6 elements, more than the limit of 5 "
                        + "(mp-ensemble.records.manager.max-list-length)");
        assertThat(api.get("/api/managers/" + manager).ok().get("objects")).isEqualTo(json("[]"));

        String id = api.create("/api/managers/" + manager + "/lists", "{\"values\": [1, 2, 3, 4]}");
        String list = "/api/lists/" + id;
        api.post(list + "/extend", "{\"values\": [5, 6]}").problem(400, "limit-exceeded",
                "list '" + id + "' would hold 6 elements, more than the limit of 5 "
                        + "(mp-ensemble.records.manager.max-list-length)");
        api.post(list + "/append", "{\"value\": 5}").ok();
        api.post(list + "/append", "{\"value\": 6}").problem(400, "limit-exceeded");
        api.post(list + "/insert", "{\"index\": 0, \"value\": 6}").problem(400, "limit-exceeded");
        api.put(list + "/slice?start=0&stop=1", "{\"values\": [0, 0]}").problem(400, "limit-exceeded");
        api.put(list + "/slice?start=0&stop=2", "{\"values\": [0, 0]}").ok();
        api.put(list + "/slice?step=-1", "{\"values\": [5, 4, 3, 2, 1]}").ok();
        assertThat(api.get(list).ok().get("values")).isEqualTo(json("[1, 2, 3, 4, 5]"));
        api.post(list + "/pop").ok();
        api.post(list + "/append", "{\"value\": 5}").ok();
    }

    @Test
    void aDictHoldsAtMostMaxDictLength() {
        api.post("/api/managers/" + manager + "/dicts", "{\"entries\": {\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}}")
                .problem(400, "limit-exceeded", "the new dict would hold 4 entries, more than the limit of 3 "
                        + "(mp-ensemble.records.manager.max-dict-length)");

        String id = api.create("/api/managers/" + manager + "/dicts", "{\"entries\": {\"a\": 1, \"b\": 2}}");
        String dict = "/api/dicts/" + id;
        api.post(dict + "/update", "{\"entries\": {\"a\": 0, \"c\": 3, \"d\": 4}}").problem(400, "limit-exceeded",
                "dict '" + id + "' would hold 4 entries, more than the limit of 3 "
                        + "(mp-ensemble.records.manager.max-dict-length)");
        api.post(dict + "/update", "{\"entries\": {\"a\": 0, \"c\": 3}}").ok();
        api.put(dict + "/entries/d", "{\"value\": 4}").problem(400, "limit-exceeded");
        api.post(dict + "/setdefault", "{\"key\": \"d\", \"default\": 4}").problem(400, "limit-exceeded");
        api.put(dict + "/entries/a", "{\"value\": 1}").ok();
        assertThat(api.post(dict + "/setdefault", "{\"key\": \"c\", \"default\": 4}").ok())
                .isEqualTo(json("{\"value\": 3}"));
        assertThat(api.get(dict).ok().get("entries")).isEqualTo(json("{\"a\": 1, \"b\": 2, \"c\": 3}"));
    }

    @Test
    void aValueOrKeyHoldsAtMostMaxValueSizeBytesOfJson() {
        String id = api.create("/api/managers/" + manager + "/lists", "{\"values\": [" + BYTES_32 + "]}");
        String list = "/api/lists/" + id;
        api.post(list + "/append", "{\"value\": " + BYTES_33 + "}").problem(400, "limit-exceeded",
                "value is 33 bytes, more than the limit of 32 (mp-ensemble.records.manager.max-value-size)");
        api.post(list + "/extend", "{\"values\": [1, " + BYTES_33 + "]}").problem(400, "limit-exceeded",
                "values[1] is 33 bytes, more than the limit of 32 "
                        + "(mp-ensemble.records.manager.max-value-size)");
        api.post(list + "/insert", "{\"index\": 0, \"value\": " + BYTES_33 + "}").problem(400, "limit-exceeded");
        api.put(list + "/items/0", "{\"value\": " + BYTES_33 + "}").problem(400, "limit-exceeded");
        api.put(list + "/slice", "{\"values\": [" + BYTES_33 + "]}").problem(400, "limit-exceeded");
        api.post("/api/managers/" + manager + "/lists", "{\"values\": [" + BYTES_33 + "]}")
                .problem(400, "limit-exceeded");
        assertThat(api.get(list).ok().get("values")).isEqualTo(json("[" + BYTES_32 + "]"));

        String key33 = "k".repeat(33);
        String dict = "/api/dicts/" + api.create("/api/managers/" + manager + "/dicts", "{\"entries\": {\"a\": "
                + BYTES_32 + "}}");
        api.put(dict + "/entries/a", "{\"value\": " + BYTES_33 + "}").problem(400, "limit-exceeded");
        api.put(dict + "/entries/" + key33, "{\"value\": 1}").problem(400, "limit-exceeded",
                "key is 33 bytes, more than the limit of 32 (mp-ensemble.records.manager.max-value-size)");
        api.post(dict + "/update", "{\"entries\": {\"b\": " + BYTES_33 + "}}").problem(400, "limit-exceeded",
                "entries.b is 33 bytes, more than the limit of 32 "
                        + "(mp-ensemble.records.manager.max-value-size)");
        api.post(dict + "/setdefault", "{\"key\": \"b\", \"default\": " + BYTES_33 + "}")
                .problem(400, "limit-exceeded");
        api.post("/api/managers/" + manager + "/dicts", "{\"entries\": {\"" + key33 + "\": 1}}")
                .problem(400, "limit-exceeded");
        assertThat(api.get(dict).ok().get("entries")).isEqualTo(json("{\"a\": " + BYTES_32 + "}"));
    }
}
