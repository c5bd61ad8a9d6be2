package io.mpensemble.recordservice.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.Api;
import io.mpensemble.recordservice.RecordServiceTest;

/**
 * Replays what Python 3.11 answered ({@code list-oracle.jsonl}, written by {@code list_oracle.py} beside it) for
 * slicing, slice assignment, insert, pop, index and item access over a sweep of indices, negative and huge ones
 * included: each answer, each error and its message, and the list afterwards must match.
 */
@RecordServiceTest
class ListPythonOracleTest {

    static final Set<String> MUTATING = Set.of("setslice", "insert", "setitem", "pop");

    @Autowired
    Api api;

    @Test
    void everyCaseAnswersWhatPythonAnswered() throws IOException {
        String manager = api.create("/api/managers", null);
        String id = api.create("/api/managers/" + manager + "/lists", null);
        String list = "/api/lists/" + id;
        JsonNode current = Api.json("[]");
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (JsonNode c : oracle()) {
            cases++;
            if (!c.get("list").equals(current)) {
                api.put(list + "/slice", "{\"values\": " + c.get("list") + "}").ok();
                current = c.get("list");
            }
            Api.Reply reply = switch (c.get("op").asString()) {
                case "getslice" -> api.get(list + "/slice" + query(c));
                case "setslice" -> api.put(list + "/slice" + query(c), "{\"values\": " + c.get("values") + "}");
                case "insert" -> api.post(list + "/insert", "{\"index\": " + c.get("index") + ", \"value\": \"new\"}");
                case "getitem" -> api.get(list + "/items/" + c.get("index"));
                case "setitem" -> api.put(list + "/items/" + c.get("index"), "{\"value\": \"new\"}");
                case "pop" -> api.post(list + "/pop", "{\"index\": " + c.get("index") + "}");
                case "index" -> api.post(list + "/index", "{\"value\": " + c.get("value") + ", \"start\": "
                        + c.get("start") + ", \"stop\": " + c.get("stop") + "}");
                default -> throw new IllegalArgumentException(c.toString());
            };
            String answer = answer(reply);
            String expected = expected(c);
            if (reply.status() >= 400 || MUTATING.contains(c.get("op").asString())) {
                current = api.get(list).ok().get("values");
            }
            if (!answer.equals(expected) || !current.equals(c.get("after"))) {
                mismatches.add(c + "\n  answered " + answer + ", list afterwards " + current);
            }
        }
        assertThat(cases).isGreaterThan(1000);
        assertThat(mismatches).isEmpty();
    }

    /** What record-service answered, in the oracle's terms. */
    private static String answer(Api.Reply reply) {
        if (reply.status() >= 400) {
            JsonNode problem = reply.json();
            String type = problem.path("type").asString().replace("urn:mp-ensemble:problem:", "");
            return type + ": " + problem.path("detail").asString();
        }
        JsonNode body = reply.json();
        for (String field : new String[] { "value", "index", "values" }) {
            if (body.has(field) && !(field.equals("index") && body.has("value"))) {
                return body.get(field).toString();
            }
        }
        return "null";
    }

    private static String expected(JsonNode c) {
        if (c.has("error")) {
            String slug = c.get("error").asString().equals("IndexError") ? "index-error" : "value-error";
            return slug + ": " + c.get("message").asString();
        }
        return switch (c.get("op").asString()) {
            case "insert" -> "null";
            case "setitem" -> "\"new\"";
            case "setslice" -> c.get("after").toString();
            default -> c.get("result").toString();
        };
    }

    private static String query(JsonNode c) {
        StringBuilder query = new StringBuilder();
        for (String bound : new String[] { "start", "stop", "step" }) {
            if (!c.get(bound).isNull()) {
                query.append(query.isEmpty() ? "?" : "&").append(bound).append('=').append(c.get(bound));
            }
        }
        return query.toString();
    }

    private static List<JsonNode> oracle() throws IOException {
        try (var in = ListPythonOracleTest.class.getResourceAsStream("list-oracle.jsonl");
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().map(Api::json).toList();
        }
    }
}
