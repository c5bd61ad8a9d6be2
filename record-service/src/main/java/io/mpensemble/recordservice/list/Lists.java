package io.mpensemble.recordservice.list;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import io.mpensemble.support.python.PyRepr;
import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.manager.JsonText;
import io.mpensemble.recordservice.manager.ManagedObjects;
import io.mpensemble.recordservice.manager.ManagerProperties;
import io.mpensemble.recordservice.redis.LuaScripts;
import io.mpensemble.recordservice.redis.ObjectKind;

/**
 * The lists a manager session holds ({@code manager.list()}), with Python's list operations and messages. Each
 * operation is one script in {@code scripts/list/}, so it is atomic however many replicas serve the list.
 */
@Component
public class Lists extends ManagedObjects {

    static final ObjectKind LIST = new ObjectKind("list", "l-",
            "no list '%s': never created, or its manager was shut down or expired", "values");

    /** Indices beyond this cannot matter (a list is far shorter) and stay exact as Lua's double numbers. */
    private static final BigInteger INDEX_BOUND = BigInteger.TEN.pow(15);

    Lists(LuaScripts scripts, JsonText json, ManagerProperties limits) {
        super(scripts, LIST, json, limits, limits.maxListLength(), "elements", "max-list-length");
    }

    /** {@code manager.list(values)}. */
    public ListState create(String managerId, List<JsonNode> values) {
        return new ListState(create(managerId, values.size(), () -> store(values, "values")).id(), values);
    }

    public ListState get(String id) {
        return new ListState(id, elements(run(id, "get").texts(1)));
    }

    public long length(String id) {
        return run(id, "length").number(1);
    }

    /** {@code list.append(value)}; the new length. */
    public long append(String id, JsonNode value) {
        return run(id, "extend", store(value, "value")).number(1);
    }

    /** {@code list.extend(values)}; the new length. */
    public long extend(String id, List<JsonNode> values) {
        return run(id, "extend", store(values, "values")).number(1);
    }

    /** {@code list.insert(index, value)}; the new length. */
    public long insert(String id, BigInteger index, JsonNode value) {
        return run(id, "insert", clamp(index), store(value, "value")).number(1);
    }

    /** {@code list[index]}. */
    public JsonNode getItem(String id, BigInteger index) {
        return element(run(id, "getitem", clamp(index)).text(1));
    }

    /** {@code list[index] = value}. */
    public void setItem(String id, BigInteger index, JsonNode value) {
        run(id, "setitem", clamp(index), store(value, "value"));
    }

    /** {@code list[start:stop:step]}; {@code null} bounds are Python's {@code None}. */
    public List<JsonNode> getSlice(String id, BigInteger start, BigInteger stop, BigInteger step) {
        return elements(run(id, "getslice", clamp(start), clamp(stop), step(step)).texts(1));
    }

    /**
     * {@code list[start:stop:step] = values}: a plain slice may change the list's length, an extended one (step not
     * 1) takes exactly as many values as it selects. The whole new list.
     */
    public List<JsonNode> setSlice(String id, BigInteger start, BigInteger stop, BigInteger step,
            List<JsonNode> values) {
        return elements(run(id, "setslice", clamp(start), clamp(stop), step(step), store(values, "values")).texts(1));
    }

    /** {@code list.pop(index)}, the last element when {@code index} is {@code null}. */
    public JsonNode pop(String id, BigInteger index) {
        return element(run(id, "pop", clamp(index)).text(1));
    }

    /** {@code list.remove(value)}: the first equal element. */
    public void remove(String id, JsonNode value) {
        if (run(id, "remove", JsonEquality.key(value)).number(1) < 0) {
            throw RecordProblem.valueError("list.remove(x): x not in list");
        }
    }

    /** {@code list.index(value, start, stop)}. */
    public long index(String id, JsonNode value, BigInteger start, BigInteger stop) {
        long index = run(id, "index", JsonEquality.key(value), clamp(start), clamp(stop)).number(1);
        if (index < 0) {
            throw RecordProblem.valueError(PyRepr.of(value) + " is not in list");
        }
        return index;
    }

    /** {@code list.count(value)}. */
    public long count(String id, JsonNode value) {
        return run(id, "count", JsonEquality.key(value)).number(1);
    }

    /** {@code value in list}. */
    public boolean contains(String id, JsonNode value) {
        return run(id, "index", JsonEquality.key(value), "", "").number(1) >= 0;
    }

    /** {@code list.clear()}. */
    public void clear(String id) {
        run(id, "clear");
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

    private JsonNode element(String stored) {
        return json.read(stored.substring(stored.indexOf('\n') + 1));
    }

    private List<JsonNode> elements(List<String> stored) {
        return stored.stream().map(this::element).toList();
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
