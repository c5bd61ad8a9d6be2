package io.mpensemble.recordservice.array;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.redis.LuaScripts;
import io.mpensemble.recordservice.sharedmemory.SharedMemory;
import io.mpensemble.recordservice.sharedmemory.Typecode;

/** Python's {@code multiprocessing.Array}: a fixed number of elements of a typecode, shared by id. */
@Service
class SharedArrays extends SharedMemory {

    private final ArrayProperties properties;

    SharedArrays(LuaScripts scripts, ArrayProperties properties) {
        super(scripts, ARRAY);
        this.properties = properties;
    }

    ArrayState create(NewArray request) {
        Typecode typecode = Typecode.of(request.typecode());
        if ((request.size() == null) == (request.values() == null)) {
            throw RecordProblem.typeError("Array takes either size or values (Python's size_or_initializer), "
                    + (request.size() == null ? "neither was given" : "not both"));
        }
        byte[] elements;
        if (request.size() != null) {
            if (request.size().signum() < 0) {
                throw RecordProblem.valueError("Array length must be >= 0, not " + request.size());
            }
            checkLength("size " + request.size(), request.size());
            elements = typecode.zeros(request.size().intValueExact());
        }
        else {
            checkLength(request.values().size() + " values", BigInteger.valueOf(request.values().size()));
            elements = typecode.encodeAll(request.values(), "values");
        }
        String id = create(typecode, elements);
        List<Object> values = typecode.decodeAll(elements, 0);
        return new ArrayState(id, typecode.code(), values.size(), values);
    }

    ArrayState get(String id) {
        return state(id, read(id));
    }

    ArrayLength length(String id) {
        return new ArrayLength(layout(id).length());
    }

    ArrayItem item(String id, String index) {
        Layout layout = layout(id);
        int position = PyIndices.index(PyIndices.parse("index", index), layout.length());
        byte[] element = readElements(layout, position, position + 1);
        return new ArrayItem(position, layout.typecode().decode(element, 0));
    }

    ArrayItem setItem(String id, String index, JsonNode value, String lockToken) {
        Layout layout = layout(id);
        int position = PyIndices.index(PyIndices.parse("index", index), layout.length());
        byte[] element = layout.typecode().encode(value, "value");
        write(layout, lockToken, position, 1, element);
        return new ArrayItem(position, layout.typecode().decode(element, 0));
    }

    ArrayItem addToItem(String id, String index, JsonNode delta, String lockToken) {
        Layout layout = layout(id);
        int position = PyIndices.index(PyIndices.parse("index", index), layout.length());
        return new ArrayItem(position, add(layout, lockToken, position, delta));
    }

    ArrayValues slice(String id, String start, String stop, String step) {
        Layout layout = layout(id);
        PyIndices.Slice slice = slice(start, stop, step, layout);
        if (slice.length() == 0) {
            return new ArrayValues(List.of());
        }
        // One read of the span the slice covers, so the values are of one moment.
        Typecode typecode = layout.typecode();
        byte[] span = readElements(layout, slice.lowest(), slice.highest() + 1);
        List<Object> values = new ArrayList<>(slice.length());
        for (int i = 0; i < slice.length(); i++) {
            values.add(typecode.decode(span, (slice.index(i) - slice.lowest()) * typecode.size()));
        }
        return new ArrayValues(values);
    }

    ArrayState setSlice(String id, String start, String stop, String step, List<JsonNode> values,
            String lockToken) {
        Layout layout = layout(id);
        return write(layout, slice(start, stop, step, layout), values, lockToken);
    }

    ArrayState setAll(String id, List<JsonNode> values, String lockToken) {
        Layout layout = layout(id);
        return write(layout, new PyIndices.Slice(0, 1, layout.length()), values, lockToken);
    }

    private ArrayState write(Layout layout, PyIndices.Slice slice, List<JsonNode> values, String lockToken) {
        if (values.size() != slice.length()) {
            throw RecordProblem.valueError("Can only assign sequence of same size: the slice has " + slice.length()
                    + " elements, values has " + values.size());
        }
        byte[] elements = layout.typecode().encodeAll(values, "values");
        return state(layout.key().id(), writeAndRead(layout, lockToken, slice.start(), slice.step(), elements));
    }

    private static PyIndices.Slice slice(String start, String stop, String step, Layout layout) {
        return PyIndices.slice(PyIndices.parse("start", start), PyIndices.parse("stop", stop),
                PyIndices.parse("step", step), layout.length());
    }

    private void checkLength(String what, BigInteger length) {
        if (length.compareTo(BigInteger.valueOf(properties.maxLength())) > 0) {
            throw RecordProblem.limitExceeded(what + " exceeds the limit of " + properties.maxLength()
                    + " elements per Array (mp-ensemble.records.shared-memory.array.max-length)");
        }
    }

    private static ArrayState state(String id, Contents contents) {
        return new ArrayState(id, contents.typecode().code(), contents.length(), contents.values());
    }
}
