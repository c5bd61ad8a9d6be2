package io.mpensemble.recordservice.dict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.StringNode;

import io.mpensemble.support.python.PyRepr;
import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.manager.JsonText;
import io.mpensemble.recordservice.manager.ManagerKeys;
import io.mpensemble.recordservice.manager.ManagerProperties;
import io.mpensemble.recordservice.manager.Managers;

/**
 * The dicts a manager session holds ({@code manager.dict()}): string keys, JSON values, insertion order, Python's
 * dict operations. Each operation is one call of {@code scripts/dict/dict.lua}, so it is atomic however many replicas
 * serve the dict.
 */
@Component
public class Dicts {

    private static final Pattern ID = Pattern.compile("d-[0-9a-f]{32}");

    private final StringRedisTemplate redis;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> script;
    private final JsonText json;
    private final ManagerProperties limits;

    Dicts(StringRedisTemplate redis, @SuppressWarnings("rawtypes") @Qualifier("dictScript") RedisScript<List> script,
            JsonText json, ManagerProperties limits) {
        this.redis = redis;
        this.script = script;
        this.json = json;
        this.limits = limits;
    }

    /** {@code manager.dict(entries)}. */
    public DictState create(String managerId, Map<String, JsonNode> entries) {
        ManagerKeys manager = ManagerKeys.of(managerId);
        if (entries.size() > limits.maxDictLength()) {
            throw tooLong("the new dict", entries.size());
        }
        String id = "d-" + UUID.randomUUID().toString().replace("-", "");
        List<String> keys = new ArrayList<>(redisKeys(id));
        keys.addAll(manager.all());
        List<String> argv = new ArrayList<>(List.of("create", String.valueOf(limits.maxDictLength()), "dict:" + id,
                String.valueOf(limits.maxObjects())));
        argv.addAll(store(entries));
        @SuppressWarnings("unchecked")
        List<Object> reply = redis.execute(script, keys, argv.toArray());
        switch ((String) reply.get(0)) {
            case "no-manager" -> throw Managers.notFound(managerId);
            case "too-many-objects" -> throw Managers.tooManyObjects(managerId, limits.maxObjects());
            default -> {
                return new DictState(id, entries);
            }
        }
    }

    /** {@code dict(d)}: every entry, in insertion order. */
    public Map<String, JsonNode> entries(String id) {
        List<Object> reply = run(id, "entries");
        List<?> keys = (List<?>) reply.get(1);
        List<?> values = (List<?>) reply.get(2);
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            entries.put((String) keys.get(i), json.read((String) values.get(i)));
        }
        return entries;
    }

    /** {@code list(d.keys())}. */
    public List<String> keys(String id) {
        return ((List<?>) run(id, "keys").get(1)).stream().map(String.class::cast).toList();
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
        return (Long) run(id, "length").get(1);
    }

    /** {@code d[key]}: {@code KeyError} when absent. */
    public JsonNode getItem(String id, String key) {
        Object value = run(id, "get", json.key(key, "key")).get(1);
        if (value == null) {
            throw keyError(key);
        }
        return json.read((String) value);
    }

    /** {@code d.get(key, default)}: the default, or {@code null}, when absent. */
    public JsonNode get(String id, String key, JsonNode defaultValue) {
        Object value = run(id, "get", json.key(key, "key")).get(1);
        return value == null ? orNull(defaultValue) : json.read((String) value);
    }

    /** {@code d[key] = value}. */
    public void set(String id, String key, JsonNode value) {
        run(id, "set", json.key(key, "key"), json.write(value, "value"));
    }

    /** {@code del d[key]}: {@code KeyError} when absent. */
    public void delete(String id, String key) {
        if (run(id, "delete", json.key(key, "key")).get(1) == null) {
            throw keyError(key);
        }
    }

    /** {@code d.update(entries)}; the new length. */
    public long update(String id, Map<String, JsonNode> entries) {
        return (Long) run(id, "update", store(entries)).get(1);
    }

    /** {@code d.pop(key[, default])}: {@code KeyError} when absent and no default was given. */
    public JsonNode pop(String id, String key, JsonNode defaultValue) {
        Object value = run(id, "pop", json.key(key, "key")).get(1);
        if (value == null && defaultValue == null) {
            throw keyError(key);
        }
        return value == null ? defaultValue : json.read((String) value);
    }

    /** {@code d.setdefault(key, default)}: the value, after storing the default (or {@code null}) when absent. */
    public JsonNode setDefault(String id, String key, JsonNode defaultValue) {
        String value = (String) run(id, "setdefault", json.key(key, "key"),
                json.write(orNull(defaultValue), "default")).get(1);
        return json.read(value);
    }

    /** {@code key in d}. */
    public boolean contains(String id, String key) {
        return (Long) run(id, "contains", json.key(key, "key")).get(1) == 1;
    }

    /** {@code d.clear()}. */
    public void clear(String id) {
        run(id, "clear");
    }

    private List<Object> run(String id, String operation, String... args) {
        return run(id, operation, List.of(args));
    }

    /** One call of dict.lua: the operation, the dict limit, then the operation's arguments. */
    private List<Object> run(String id, String operation, List<String> args) {
        if (id == null || !ID.matcher(id).matches()) {
            throw notFound(id);
        }
        List<String> argv = new ArrayList<>(args.size() + 2);
        argv.add(operation);
        argv.add(String.valueOf(limits.maxDictLength()));
        argv.addAll(args);
        @SuppressWarnings("unchecked")
        List<Object> reply = redis.execute(script, redisKeys(id), argv.toArray());
        return switch ((String) reply.get(0)) {
            case "ok" -> reply;
            case "not-found" -> throw notFound(id);
            case "too-long" -> throw tooLong("dict '" + id + "'", (Long) reply.get(1));
            default -> throw new IllegalStateException("dict.lua answered " + reply);
        };
    }

    private static List<String> redisKeys(String id) {
        return List.of("mp:dict:" + id, "mp:dict:" + id + ":entries", "mp:dict:" + id + ":order");
    }

    /** Entries as the script takes them: key, value's JSON text, key, ... */
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

    private static RecordProblem notFound(String id) {
        return RecordProblem.notFound("no dict '" + id + "': never created, or its manager was shut down or expired");
    }

    private RecordProblem tooLong(String which, long length) {
        return RecordProblem.limitExceeded(which + " would hold " + length + " entries, more than the limit of "
                + limits.maxDictLength() + " (" + ManagerProperties.setting("max-dict-length") + ")");
    }
}
