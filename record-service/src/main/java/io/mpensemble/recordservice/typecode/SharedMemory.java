package io.mpensemble.recordservice.typecode;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

import io.mpensemble.recordservice.RecordProblem;
import tools.jackson.databind.JsonNode;

/**
 * The memory of Values and Arrays, held in Redis as Python's {@code sharedctypes} hold it in shared memory: one Redis
 * string per object, its typecode's byte followed by the elements as a C array (see {@link Typecode} for their bytes).
 * A Value is such a memory with one element. The typecode and the length never change after creation, so callers
 * read the {@link Layout} first and check indices and values against it; every write is one Lua script that checks
 * the object still exists (and, given a lock token, that the token holds its lock) and changes nothing when it refuses.
 */
@Component
public class SharedMemory {

    /** The whole memory of an object, as read in one step. */
    public record Contents(Typecode typecode, byte[] memory) {

        public int length() {
            return (memory.length - 1) / typecode.size();
        }

        public List<Object> values() {
            return typecode.decodeAll(memory, 1);
        }

        public Object value(int index) {
            return typecode.decode(memory, 1 + index * typecode.size());
        }
    }

    /** What an object's requests are checked against: its typecode and its length, fixed at creation. */
    public record Layout(Typecode typecode, int length) {
    }

    /** The outcome of a compare-and-set: whether it replaced the element, and the element now. */
    public record Swap(boolean swapped, Object value) {
    }

    private final RedisTemplate<String, byte[]> redis;
    private final RedisScript<List<Object>> layout;
    private final RedisScript<List<Object>> write;
    private final RedisScript<List<Object>> add;
    private final RedisScript<List<Object>> compareAndSet;

    SharedMemory(RedisConnectionFactory connectionFactory, RedisScript<List<Object>> sharedMemoryLayoutScript,
            RedisScript<List<Object>> sharedMemoryWriteScript, RedisScript<List<Object>> sharedMemoryAddScript,
            RedisScript<List<Object>> sharedMemoryCompareAndSetScript) {
        // Keys are text, memory is bytes: a template of its own keeps the bytes out of any string codec.
        this.redis = new RedisTemplate<>();
        redis.setConnectionFactory(connectionFactory);
        redis.setKeySerializer(RedisSerializer.string());
        redis.setValueSerializer(RedisSerializer.byteArray());
        redis.afterPropertiesSet();
        this.layout = sharedMemoryLayoutScript;
        this.write = sharedMemoryWriteScript;
        this.add = sharedMemoryAddScript;
        this.compareAndSet = sharedMemoryCompareAndSetScript;
    }

    /** Stores a new object's memory: its elements' bytes, one after the other. */
    public void create(MemoryKey key, Typecode typecode, byte[] elements) {
        byte[] memory = new byte[1 + elements.length];
        memory[0] = (byte) typecode.code().charAt(0);
        System.arraycopy(elements, 0, memory, 1, elements.length);
        redis.opsForValue().set(key.memory(), memory);
    }

    public Contents read(MemoryKey key) {
        byte[] memory = redis.opsForValue().get(key.memory());
        if (memory == null) {
            throw key.notFound();
        }
        return contents(memory);
    }

    public Layout layout(MemoryKey key) {
        List<Object> reply = redis.execute(layout, List.of(key.memory()));
        if (status(reply).equals("not-found")) {
            throw key.notFound();
        }
        Typecode typecode = Typecode.ofByte(((byte[]) reply.get(1))[0]);
        long memoryBytes = (Long) reply.get(2);
        return new Layout(typecode, (int) ((memoryBytes - 1) / typecode.size()));
    }

    /** The bytes of the elements {@code from} (inclusive) to {@code to} (exclusive), read in one step. */
    public byte[] readElements(MemoryKey key, Typecode typecode, int from, int to) {
        if (from >= to) {
            return new byte[0];
        }
        // Through the connection: ValueOperations.get(key, start, end) would decode the bytes as a String.
        byte[] rawKey = key.memory().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = redis.execute((RedisCallback<byte[]>) connection -> connection.stringCommands()
                .getRange(rawKey, offset(typecode, from), offset(typecode, to) - 1));
        if (bytes == null || bytes.length == 0) {
            throw key.notFound();
        }
        return bytes;
    }

    /**
     * Writes elements at the indices {@code first}, {@code first + step}, ... (a Python slice).
     *
     * @param lockToken when not null, the write happens only while this token holds the object's lock
     */
    public void write(MemoryKey key, String lockToken, Typecode typecode, int first, int step, byte[] elements) {
        runWrite(key, lockToken, typecode, first, step, elements, false);
    }

    /** {@link #write}, answering the whole memory as the write left it. */
    public Contents writeAndRead(MemoryKey key, String lockToken, Typecode typecode, int first, int step,
            byte[] elements) {
        return contents((byte[]) runWrite(key, lockToken, typecode, first, step, elements, true).get(1));
    }

    private List<Object> runWrite(MemoryKey key, String lockToken, Typecode typecode, int first, int step,
            byte[] elements, boolean readBack) {
        List<Object> reply = redis.execute(write, keys(key, lockToken), args(token(lockToken),
                offset(typecode, first), (long) step * typecode.size(), typecode.size(), elements,
                readBack ? "1" : "0"));
        checkStatus(reply, key, lockToken);
        return reply;
    }

    /**
     * Adds {@code delta} to the element at {@code index} (Python's {@code v.value += delta}, done atomically) and
     * answers the element's new value; a sum outside the typecode is refused ({@code out-of-range}) and changes
     * nothing.
     */
    public Object add(MemoryKey key, String lockToken, Typecode typecode, int index, JsonNode delta) {
        List<Object> args = new ArrayList<>(List.of(token(lockToken), offset(typecode, index)));
        BigInteger integerDelta = null;
        if (typecode.isInteger()) {
            integerDelta = typecode.integerDelta(delta);
            args.add(bitfieldType(typecode));
            args.addAll(int64Parts(integerDelta));
        }
        else {
            args.add(typecode.code());
            args.add(ByteBuffer.allocate(8).putDouble(typecode.floatDelta(delta)).array());
        }
        List<Object> reply = redis.execute(add, keys(key, lockToken), args(args.toArray()));
        checkStatus(reply, key, lockToken);
        Object value = typecode.decode((byte[]) reply.get(1), 0);
        if (status(reply).equals("out-of-range")) {
            String sum = typecode.isInteger()
                    ? value + " + " + integerDelta + " = " + ((BigInteger) value).add(integerDelta)
                    : value + " + " + typecode.floatDelta(delta);
            throw RecordProblem.outOfRange(element(key, index) + ": " + sum + " is outside typecode "
                    + typecode.describeRange());
        }
        return value;
    }

    /** Python's {@code if v.value == expect: v.value = update}, done atomically. */
    public Swap compareAndSet(MemoryKey key, String lockToken, Typecode typecode, int index, byte[] expect,
            byte[] update) {
        List<Object> reply = redis.execute(compareAndSet, keys(key, lockToken), args(token(lockToken),
                offset(typecode, index), typecode.isFloat() ? typecode.code() : "bytes", expect, update));
        checkStatus(reply, key, lockToken);
        return new Swap(status(reply).equals("swapped"), typecode.decode((byte[]) reply.get(1), 0));
    }

    /** Frees an object's memory and its lock, in one step. */
    public void delete(MemoryKey key) {
        Long deleted = redis.delete(List.of(key.memory(), key.lock()));
        if (deleted == null || deleted == 0) {
            throw key.notFound();
        }
    }

    /** The element's BITFIELD type; the unsigned 64-bit typecodes are kept as i64 shifted by 2^63. */
    private static String bitfieldType(Typecode typecode) {
        boolean unsigned = typecode.min().signum() == 0 && typecode.size() < 8;
        return (unsigned ? "u" : "i") + typecode.size() * 8;
    }

    /** {@code delta} as a sum of parts of one sign that each fit int64 (at most three for a delta within 2^64). */
    static List<String> int64Parts(BigInteger delta) {
        BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE);
        List<String> parts = new ArrayList<>();
        BigInteger rest = delta;
        do {
            BigInteger part = rest.abs().min(limit).multiply(BigInteger.valueOf(rest.signum()));
            parts.add(part.toString());
            rest = rest.subtract(part);
        } while (rest.signum() != 0);
        return parts;
    }

    private static Contents contents(byte[] memory) {
        return new Contents(Typecode.ofByte(memory[0]), memory);
    }

    private static long offset(Typecode typecode, int index) {
        return 1 + (long) index * typecode.size();
    }

    private static String element(MemoryKey key, int index) {
        return key.kind() == MemoryKind.ARRAY ? key + "[" + index + "]" : key.toString();
    }

    private static List<String> keys(MemoryKey key, String lockToken) {
        return lockToken == null ? List.of(key.memory()) : List.of(key.memory(), key.lock());
    }

    private static String token(String lockToken) {
        return lockToken == null ? "" : lockToken;
    }

    private static void checkStatus(List<Object> reply, MemoryKey key, String lockToken) {
        switch (status(reply)) {
            case "not-found" -> throw key.notFound();
            case "lock-not-held" -> throw key.lockNotHeld(lockToken);
            default -> {
            }
        }
    }

    private static String status(List<Object> reply) {
        return new String((byte[]) reply.get(0), StandardCharsets.US_ASCII);
    }

    private static Object[] args(Object... values) {
        return Arrays.stream(values)
                .map(value -> value instanceof byte[] bytes ? bytes
                        : String.valueOf(value).getBytes(StandardCharsets.UTF_8))
                .toArray();
    }
}
