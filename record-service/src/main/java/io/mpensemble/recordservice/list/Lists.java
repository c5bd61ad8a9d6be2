package io.mpensemble.recordservice.list;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import io.mpensemble.support.python.PyRepr;
import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.manager.JsonText;
import io.mpensemble.recordservice.manager.ManagerKeys;
import io.mpensemble.recordservice.manager.ManagerProperties;
import io.mpensemble.recordservice.manager.Managers;

/**
 * The lists a manager session holds ({@code manager.list()}), with Python's list operations and messages. Each
 * operation is one call of {@code scripts/list/list.lua}, so it is atomic however many replicas serve the list.
 */
@Component
public class Lists {

    private static final Pattern ID = Pattern.compile("l-[0-9a-f]{32}");

    /** Indices beyond this cannot matter (a list is far shorter) and stay exact as Lua's double numbers. */
    private static final BigInteger INDEX_BOUND = BigInteger.TEN.pow(15);

    private final StringRedisTemplate redis;
    @SuppressWarnings("rawtypes")
    private final RedisScript<List> script;
    private final JsonText json;
    private final ManagerProperties limits;

    Lists(StringRedisTemplate redis, @SuppressWarnings("rawtypes") @Qualifier("listScript") RedisScript<List> script,
            JsonText json, ManagerProperties limits) {
        this.redis = redis;
        this.script = script;
        this.json = json;
        this.limits = limits;
    }

    /** {@code manager.list(values)}. */
    public ListState create(String managerId, List<JsonNode> values) {
        ManagerKeys manager = ManagerKeys.of(managerId);
        if (values.size() > limits.maxListLength()) {
            throw tooLong("the new list", values.size());
        }
        String id = "l-" + UUID.randomUUID().toString().replace("-", "");
        List<String> keys = new ArrayList<>(redisKeys(id));
        keys.addAll(manager.all());
        List<String> argv = new ArrayList<>(List.of("create", String.valueOf(limits.maxListLength()), "list:" + id,
                String.valueOf(limits.maxObjects())));
        argv.addAll(store(values, "values"));
        @SuppressWarnings("unchecked")
        List<Object> reply = redis.execute(script, keys, argv.toArray());
        switch ((String) reply.get(0)) {
            case "no-manager" -> throw Managers.notFound(managerId);
            case "too-many-objects" -> throw Managers.tooManyObjects(managerId, limits.maxObjects());
            default -> {
                return new ListState(id, values);
            }
        }
    }

    public ListState get(String id) {
        return new ListState(id, elements(run(id, "get").get(1)));
    }

    public long length(String id) {
        return (Long) run(id, "length").get(1);
    }

    /** {@code list.append(value)}; the new length. */
    public long append(String id, JsonNode value) {
        return (Long) run(id, "append", store(value, "value")).get(1);
    }

    /** {@code list.extend(values)}; the new length. */
    public long extend(String id, List<JsonNode> values) {
        return (Long) run(id, "extend", store(values, "values")).get(1);
    }

    /** {@code list.insert(index, value)}; the new length. */
    public long insert(String id, BigInteger index, JsonNode value) {
        return (Long) run(id, "insert", clamp(index), store(value, "value")).get(1);
    }

    /** {@code list[index]}. */
    public JsonNode getItem(String id, BigInteger index) {
        return element(run(id, "getitem", clamp(index)).get(1));
    }

    /** {@code list[index] = value}. */
    public void setItem(String id, BigInteger index, JsonNode value) {
        run(id, "setitem", clamp(index), store(value, "value"));
    }

    /** {@code list[start:stop:step]}; {@code null} bounds are Python's {@code None}. */
    public List<JsonNode> getSlice(String id, BigInteger start, BigInteger stop, BigInteger step) {
        return elements(run(id, "getslice", clamp(start), clamp(stop), step(step)).get(1));
    }

    /**
     * {@code list[start:stop:step] = values}: a plain slice may change the list's length, an extended one (step not
     * 1) takes exactly as many values as it selects. The whole new list.
     */
    public List<JsonNode> setSlice(String id, BigInteger start, BigInteger stop, BigInteger step,
            List<JsonNode> values) {
        List<String> args = new ArrayList<>(List.of(clamp(start), clamp(stop), step(step)));
        args.addAll(store(values, "values"));
        return elements(run(id, "setslice", args).get(1));
    }

    /** {@code list.pop(index)}, the last element when {@code index} is {@code null}. */
    public JsonNode pop(String id, BigInteger index) {
        return element(run(id, "pop", clamp(index)).get(1));
    }

    /** {@code list.remove(value)}: the first equal element. */
    public void remove(String id, JsonNode value) {
        if ((Long) run(id, "remove", JsonEquality.key(value)).get(1) < 0) {
            throw RecordProblem.valueError("list.remove(x): x not in list");
        }
    }

    /** {@code list.index(value, start, stop)}. */
    public long index(String id, JsonNode value, BigInteger start, BigInteger stop) {
        long index = (Long) run(id, "index", JsonEquality.key(value), clamp(start), clamp(stop)).get(1);
        if (index < 0) {
            throw RecordProblem.valueError(PyRepr.of(value) + " is not in list");
        }
        return index;
    }

    /** {@code list.count(value)}. */
    public long count(String id, JsonNode value) {
        return (Long) run(id, "count", JsonEquality.key(value)).get(1);
    }

    /** {@code value in list}. */
    public boolean contains(String id, JsonNode value) {
        return (Long) run(id, "index", JsonEquality.key(value), "", "").get(1) >= 0;
    }

    /** {@code list.clear()}. */
    public void clear(String id) {
        run(id, "clear");
    }

    private List<Object> run(String id, String operation, String... args) {
        return run(id, operation, List.of(args));
    }

    /** One call of list.lua: the operation, the list limit, then the operation's arguments. */
    private List<Object> run(String id, String operation, List<String> args) {
        if (id == null || !ID.matcher(id).matches()) {
            throw notFound(id);
        }
        List<String> argv = new ArrayList<>(args.size() + 2);
        argv.add(operation);
        argv.add(String.valueOf(limits.maxListLength()));
        argv.addAll(args);
        @SuppressWarnings("unchecked")
        List<Object> reply = redis.execute(script, redisKeys(id), argv.toArray());
        return switch ((String) reply.get(0)) {
            case "ok" -> reply;
            case "not-found" -> throw notFound(id);
            case "too-long" -> throw tooLong("list '" + id + "'", (Long) reply.get(1));
            case "index-error" -> throw RecordProblem.indexError((String) reply.get(1));
            case "value-error" -> throw RecordProblem.valueError((String) reply.get(1));
            default -> throw new IllegalStateException("list.lua answered " + reply);
        };
    }

    private static List<String> redisKeys(String id) {
        return List.of("mp:list:" + id, "mp:list:" + id + ":values");
    }

    private RecordProblem notFound(String id) {
        return RecordProblem.notFound("no list '" + id + "': never created, or its manager was shut down or expired");
    }

    private RecordProblem tooLong(String which, long length) {
        return RecordProblem.limitExceeded(which + " would hold " + length + " elements, more than the limit of "
                + limits.maxListLength() + " (" + ManagerProperties.setting("max-list-length") + ")");
    }

    /** An element as kept in Redis: its JSON text, after its equality key where that differs. */
    private String store(JsonNode value, String field) {
        String text = json.write(value, field);
        String key = JsonEquality.key(value);
        return key.equals(text) ? text : key + "\n" + text;
    }

    private List<String> store(List<JsonNode> values, String field) {
        List<String> stored = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            stored.add(store(values.get(i), field + "[" + i + "]"));
        }
        return stored;
    }

    private JsonNode element(Object stored) {
        String text = (String) stored;
        return json.read(text.substring(text.indexOf('\n') + 1));
    }

    private List<JsonNode> elements(Object stored) {
        return ((List<?>) stored).stream().map(this::element).toList();
    }

    /** A Python int index for the script: exact within any list's reach, {@code ''} for None. */
    private static String clamp(BigInteger index) {
        if (index == null) {
            return "";
        }
        return index.max(INDEX_BOUND.negate()).min(INDEX_BOUND).toString();
    }

    private static String step(BigInteger step) {
        if (step != null && step.signum() == 0) {
            throw RecordProblem.valueError("slice step cannot be zero");
        }
        return clamp(step);
    }
}
