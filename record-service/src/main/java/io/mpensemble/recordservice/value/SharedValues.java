package io.mpensemble.recordservice.value;

import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.redis.LuaScripts;
import io.mpensemble.recordservice.sharedmemory.SharedMemory;
import io.mpensemble.recordservice.sharedmemory.Typecode;

/** Python's {@code multiprocessing.Value}: one element of a typecode, shared by every process that knows its id. */
@Service
class SharedValues extends SharedMemory {

    SharedValues(LuaScripts scripts) {
        super(scripts, VALUE);
    }

    ValueState create(NewValue request) {
        Typecode typecode = Typecode.of(request.typecode());
        byte[] element = request.value() == null || request.value().isNull() ? typecode.zero()
                : typecode.encode(request.value(), "value");
        return new ValueState(create(typecode, element), typecode.code(), typecode.decode(element, 0));
    }

    ValueState get(String id) {
        Contents contents = read(id);
        return new ValueState(id, contents.typecode().code(), contents.value(0));
    }

    ValueState set(String id, JsonNode value, String lockToken) {
        Layout layout = layout(id);
        byte[] element = layout.typecode().encode(value, "value");
        write(layout, lockToken, 0, 1, element);
        return new ValueState(id, layout.typecode().code(), layout.typecode().decode(element, 0));
    }

    ValueState add(String id, JsonNode delta, String lockToken) {
        Layout layout = layout(id);
        return new ValueState(id, layout.typecode().code(), add(layout, lockToken, 0, delta));
    }

    CompareAndSetResult compareAndSet(String id, ValueCompareAndSet request, String lockToken) {
        Layout layout = layout(id);
        byte[] expect = layout.typecode().encode(request.expect(), "expect");
        byte[] update = layout.typecode().encode(request.update(), "update");
        Swap swap = compareAndSet(layout, lockToken, 0, expect, update);
        return new CompareAndSetResult(swap.swapped(), swap.value());
    }
}
