package io.mpensemble.recordservice.value;

import org.springframework.stereotype.Service;

import io.mpensemble.recordservice.typecode.MemoryKey;
import io.mpensemble.recordservice.typecode.MemoryKind;
import io.mpensemble.recordservice.typecode.SharedMemory;
import io.mpensemble.recordservice.typecode.SharedMemory.Contents;
import io.mpensemble.recordservice.typecode.Typecode;
import tools.jackson.databind.JsonNode;

/** Python's {@code multiprocessing.Value}: one element of a typecode, shared by every process that knows its id. */
@Service
class SharedValues {

    private final SharedMemory memory;

    SharedValues(SharedMemory memory) {
        this.memory = memory;
    }

    ValueState create(NewValue request) {
        Typecode typecode = Typecode.of(request.typecode());
        byte[] element = request.value() == null || request.value().isNull() ? typecode.zero()
                : typecode.encode(request.value(), "value");
        MemoryKey key = MemoryKind.VALUE.newKey();
        memory.create(key, typecode, element);
        return new ValueState(key.id(), typecode.code(), typecode.decode(element, 0));
    }

    ValueState get(String id) {
        MemoryKey key = MemoryKind.VALUE.key(id);
        Contents contents = memory.read(key);
        return new ValueState(id, contents.typecode().code(), contents.value(0));
    }

    ValueState set(String id, JsonNode value, String lockToken) {
        MemoryKey key = MemoryKind.VALUE.key(id);
        Typecode typecode = memory.layout(key).typecode();
        byte[] element = typecode.encode(value, "value");
        memory.write(key, lockToken, typecode, 0, 1, element);
        return new ValueState(id, typecode.code(), typecode.decode(element, 0));
    }

    ValueState add(String id, JsonNode delta, String lockToken) {
        MemoryKey key = MemoryKind.VALUE.key(id);
        Typecode typecode = memory.layout(key).typecode();
        return new ValueState(id, typecode.code(), memory.add(key, lockToken, typecode, 0, delta));
    }

    CompareAndSetResult compareAndSet(String id, ValueCompareAndSet request, String lockToken) {
        MemoryKey key = MemoryKind.VALUE.key(id);
        Typecode typecode = memory.layout(key).typecode();
        byte[] expect = typecode.encode(request.expect(), "expect");
        byte[] update = typecode.encode(request.update(), "update");
        SharedMemory.Swap swap = memory.compareAndSet(key, lockToken, typecode, 0, expect, update);
        return new CompareAndSetResult(swap.swapped(), swap.value());
    }

    void delete(String id) {
        memory.delete(MemoryKind.VALUE.key(id));
    }
}
