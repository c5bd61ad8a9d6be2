package io.mpensemble.recordservice.dict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

import io.mpensemble.support.python.PyRepr;
import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.manager.JsonText;
import io.mpensemble.recordservice.manager.ManagedObjects;
import io.mpensemble.recordservice.manager.ManagerProperties;
import io.mpensemble.recordservice.redis.LuaScripts;
import io.mpensemble.recordservice.redis.ObjectKind;
import io.mpensemble.recordservice.redis.Reply;

/**
 * The dicts a manager session holds ({@code manager.dict()}): string keys, JSON values, insertion order, Python's
 * dict operations. Each operation is one script in {@code scripts/dict/}, so it is atomic however many replicas serve
 * the dict.
 */
@Component
public class Dicts extends ManagedObjects {

    static final ObjectKind DICT = new ObjectKind("dict", "d-",
            "no dict '%s': never created, or its manager was shut down or expired", "entries", "order");

    Dicts(LuaScripts scripts, JsonText json, ManagerProperties limits) {
        super(scripts, DICT, json, limits, limits.maxDictLength(), "entries", "max-dict-length");
    }

    /** {@code manager.dict(entries)}. */
    public DictState create(String managerId, Map<String, JsonNode> entries) {
        return new DictState(create(managerId, entries.size(), () -> store(entries)).id(), entries);
    }

    /** {@code dict(d)}: every entry, in insertion order. */
    public Map<String, JsonNode> entries(String id) {
        Reply reply = run(id, "entries");
        List<String> keys = reply.texts(1);
        List<String> values = reply.texts(2);
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            entries.put(keys.get(i), json.read(values.get(i)));
        }
        return entries;
    }

    /** {@code list(d.keys())}. */
    public List<String> keys(String id) {
        return run(id, "keys").texts(1);
    }

    /** {@code list(d.values())}. */
    public List<JsonNode> values(String id) {
        return List.copyOf(entries(id).values());
    }

    /** {@code list(d.items())}: {@code [key, value]} pairs. */
    public List<List<JsonNode>> items(String id) {
        return entries(id).entrySet().stream()
                .map(entry -> List.of(StringNode.valueOf(entry.getKey()), entry.getValue()))
                .toList();
    }

    public long length(String id) {
        return run(id, "length").number(1);
    }

    /** {@code d[key]}: {@code KeyError} when absent. */
    public JsonNode getItem(String id, String key) {
        String value = run(id, "get", json.key(key, "key")).text(1);
        if (value == null) {
            throw keyError(key);
        }
        return json.read(value);
    }

    /** {@code d.get(key, default)}: the default, or {@code null}, when absent. */
    public JsonNode get(String id, String key, JsonNode defaultValue) {
        String value = run(id, "get", json.key(key, "key")).text(1);
        return value == null ? orNull(defaultValue) : json.read(value);
    }

    /** {@code d[key] = value}. */
    public void set(String id, String key, JsonNode value) {
        run(id, "update", json.key(key, "key"), json.write(value, "value"));
    }

    /** {@code del d[key]}: {@code KeyError} when absent. */
    public void delete(String id, String key) {
        if (run(id, "pop", json.key(key, "key")).text(1) == null) {
            throw keyError(key);
        }
    }

    /** {@code d.update(entries)}; the new length. */
    public long update(String id, Map<String, JsonNode> entries) {
        return run(id, "update", store(entries)).number(1);
    }

    /** {@code d.pop(key[, default])}: {@code KeyError} when absent and no default was given. */
    public JsonNode pop(String id, String key, JsonNode defaultValue) {
        String value = run(id, "pop", json.key(key, "key")).text(1);
        if (value == null && defaultValue == null) {
            throw keyError(key);
        }
        return value == null ? defaultValue : json.read(value);
    }

    /** {@code d.setdefault(key, default)}: the value, after storing the default (or {@code null}) when absent. */
    public JsonNode setDefault(String id, String key, JsonNode defaultValue) {
        return json.read(run(id, "setdefault", json.key(key, "key"), json.write(orNull(defaultValue), "default"))
                .text(1));
    }

    /** {@code key in d}. */
    public boolean contains(String id, String key) {
        return run(id, "contains", json.key(key, "key")).flag(1);
    }

    /** {@code d.clear()}. */
    public void clear(String id) {
        run(id, "clear");
    }

    /** Entries as the scripts take them: key, value's JSON text, key, ... */
    private List<String> store(Map<String, JsonNode> entries) {
        List<String> argv = new ArrayList<>(entries.size() * 2);
        for (Map.Entry<String, JsonNode> entry : entries.entrySet()) {
            String field = "entries." + entry.getKey();
            argv.add(json.key(entry.getKey(), field));
            argv.add(json.write(entry.getValue(), field));
        }
        return argv;
    }

    private static JsonNode orNull(JsonNode value) {
        return value == null ? NullNode.getInstance() : value;
    }

    private static RecordProblem keyError(String key) {
        return RecordProblem.keyError(PyRepr.ofString(key));
    }
}
