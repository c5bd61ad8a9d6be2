package io.mpensemble.recordservice.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.RecordServiceTest;

/**
 * Nothing a client sends to a manager, list or dict endpoint yields a 5xx: every endpoint gets every kind of broken
 * body, and paths with odd ids, indices and keys; each refusal is an RFC 9457 problem.
 */
@RecordServiceTest
class NoServerErrorTest {

    static final String DEEP = "[".repeat(3000) + "]".repeat(3000);
    static final String LONG_NUMBER = "9".repeat(5000);

    static final List<String> BODIES = List.of("", " ", "null", "[]", "{", "{}", "1", "\"x\"", "true", DEEP,
            LONG_NUMBER, "{\"value\": " + DEEP + "}", "{\"value\": " + LONG_NUMBER + "}", "{\"value\": 1e400}",
            "{\"value\": -1e400}", "{\"value\": \"\\ud800\"}", "{\"value\": \"\\udc00\\ud800\"}",
            "{\"values\": [1e400]}", "{\"values\": \"1\"}", "{\"values\": {}}", "{\"values\": [null]}",
            "{\"index\": " + LONG_NUMBER + ", \"value\": 1}", "{\"index\": 1e400, \"value\": 1}",
            "{\"index\": -99999999999999999999999, \"value\": 1}", "{\"value\": 1, \"start\": " + LONG_NUMBER + "}",
            "{\"key\": \"\"}", "{\"key\": \"\\u0000\"}", "{\"key\": {}}", "{\"key\": \"a\", \"default\": 1e400}",
            "{\"entries\": []}", "{\"entries\": {\"\": 1e400}}", "{\"entries\": {\"a\": " + DEEP + "}}",
            "{\"ttlSeconds\": " + LONG_NUMBER + "}", "{\"ttlSeconds\": 1e400}", "{\"value\": 1}{\"value\": 2}",
            "\u0000", "\uFEFF{}");

    @Autowired
    Api api;

    @Test
    void noBodyAnyEndpointGetsIsAServerError() {
        String manager = api.create("/api/managers", null);
        String list = "/api/lists/" + api.create("/api/managers/" + manager + "/lists", "{\"values\": [1, 2]}");
        String dict = "/api/dicts/" + api.create("/api/managers/" + manager + "/dicts", "{\"entries\": {\"a\": 1}}");
        List<String[]> endpoints = List.of(
                new String[] { "POST", "/api/managers" },
                new String[] { "POST", "/api/managers/" + manager + "/lists" },
                new String[] { "POST", "/api/managers/" + manager + "/dicts" },
                new String[] { "POST", list + "/append" }, new String[] { "POST", list + "/extend" },
                new String[] { "POST", list + "/insert" }, new String[] { "PUT", list + "/items/0" },
                new String[] { "PUT", list + "/slice?start=-1" }, new String[] { "POST", list + "/pop" },
                new String[] { "POST", list + "/remove" }, new String[] { "POST", list + "/index" },
                new String[] { "POST", list + "/count" }, new String[] { "POST", list + "/contains" },
                new String[] { "PUT", dict + "/entries/a" }, new String[] { "POST", dict + "/get" },
                new String[] { "POST", dict + "/update" }, new String[] { "POST", dict + "/pop" },
                new String[] { "POST", dict + "/setdefault" });
        List<String> serverErrors = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            for (String body : BODIES) {
                String request = endpoint[0] + " " + endpoint[1] + " " + abbreviate(body);
                check(api.send(endpoint[0], endpoint[1], body), request, serverErrors);
            }
            check(api.send(endpoint[0], endpoint[1], null), endpoint[0] + " " + endpoint[1] + " without a body",
                    serverErrors);
        }
        for (String path : List.of(list + "/items/" + LONG_NUMBER, list + "/items/-" + LONG_NUMBER,
                list + "/items/%2B1", list + "/items/1e3", list + "/items/%00", list + "/slice?start=" + LONG_NUMBER
                        + "&stop=-" + LONG_NUMBER + "&step=-" + LONG_NUMBER, list + "/slice?step=", list
                                + "/slice?start=1&start=2",
                dict + "/entries/%00", dict + "/entries/%C0", dict + "/entries/%ED%A0%80", dict + "/contains/%FF",
                dict + "/entries/" + "k".repeat(5000), "/api/lists/%00", "/api/dicts/" + "d".repeat(5000),
                "/api/managers/%2e%2e", "/api/managers/" + manager + "%3Akeys")) {
            for (String method : List.of("GET", "PUT", "DELETE")) {
                check(api.send(method, path, method.equals("PUT") ? "{\"value\": 1}" : null),
                        method + " " + abbreviate(path), serverErrors);
            }
        }
        assertThat(serverErrors).isEmpty();
        assertThat(api.get("/v3/api-docs").ok().get("paths").propertyNames())
                .contains("/api/managers", "/api/lists/{id}/slice", "/api/dicts/{id}/setdefault");
        assertThat(api.get("/api/managers/" + manager).ok().get("objects").size()).isGreaterThanOrEqualTo(2);
    }

    private static void check(Api.Reply reply, String request, List<String> serverErrors) {
        if (reply.status() >= 500) {
            serverErrors.add(request + " → " + reply.status() + " " + abbreviate(reply.body()));
        }
        else if (reply.status() >= 400 && reply.contentType().orElse("").contains("json")) {
            assertThat(reply.contentType()).as(request).hasValue("application/problem+json");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
