package io.mpensemble.recordservice.sharedmemory;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.redis.LuaScripts;
import io.mpensemble.recordservice.redis.ObjectKey;
import io.mpensemble.recordservice.redis.ObjectKind;
import io.mpensemble.recordservice.redis.RedisObjects;
import io.mpensemble.recordservice.redis.Reply;

/**
 * The memory of Values and Arrays, held in Redis as Python's {@code sharedctypes} hold it in shared memory: one Redis
 * string per object, its typecode's byte followed by the elements as a C array (see {@link Typecode} for their bytes).
 * A Value is such a memory with one element. The typecode and the length never change after creation, so callers
 * read the {@link Layout} first and check indices and values against it. Each operation is one script in
 * {@code scripts/sharedmemory/}, which checks the object still exists (and, given a lock token, that the token holds
 * its lock) and changes nothing when it refuses.
 */
public abstract class SharedMemory extends RedisObjects {

    /** Python's {@code Value}: {@code mp:value:<id>}, and its lock {@code mp:value:<id>:lock}. */
    public static final ObjectKind VALUE = new ObjectKind("Value", "v-", "no Value with id '%s'", "lock");

    /** Python's {@code Array}: {@code mp:array:<id>}, and its lock {@code mp:array:<id>:lock}. */
    public static final ObjectKind ARRAY = new ObjectKind("Array", "a-", "no Array with id '%s'", "lock");

    /** The header a write names the lock's holder in, to write only while that holder has the lock. */
    public static final String LOCK_TOKEN = "Lock-Token";

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

    /** What an object's requests are checked against: the object, its typecode and its length, fixed at creation. */
    public record Layout(ObjectKey key, Typecode typecode, int length) {
    }

    /** The outcome of a compare-and-set: whether it replaced the element, and the element now. */
    public record Swap(boolean swapped, Object value) {
    }

    private final ObjectKind kind;

    protected SharedMemory(LuaScripts scripts, ObjectKind kind) {
        super(scripts, "sharedmemory");
        this.kind = kind;
    }

    /** Stores a new object's memory, its elements' bytes one after the other; its id. */
    protected String create(Typecode typecode, byte[] elements) {
        byte[] memory = new byte[1 + elements.length];
        memory[0] = (byte) typecode.code().charAt(0);
        System.arraycopy(elements, 0, memory, 1, elements.length);
        ObjectKey key = kind.newKey();
        call(key, null, "create", memory);
        return key.id();
    }

    protected Contents read(String id) {
        return contents(call(kind.key(id), null, "read").bytes(1));
    }

    protected Layout layout(String id) {
        ObjectKey key = kind.key(id);
        Reply reply = call(key, null, "layout");
        Typecode typecode = Typecode.ofByte(reply.bytes(1)[0]);
        return new Layout(key, typecode, (int) ((reply.number(2) - 1) / typecode.size()));
    }

    /** The bytes of the elements {@code from} (inclusive) to {@code to} (exclusive), read in one step. */
    protected byte[] readElements(Layout layout, int from, int to) {
        if (from >= to) {
            return new byte[0];
        }
        return call(layout.key(), null, "read-range", offset(layout, from), offset(layout, to) - 1).bytes(1);
    }

    /**
     * Writes elements at the indices {@code first}, {@code first + step}, ... (a Python slice).
     *
     * @param lockToken when not null, the write happens only while this token holds the object's lock
     */
    protected void write(Layout layout, String lockToken, int first, int step, byte[] elements) {
        write(layout, lockToken, first, step, elements, false);
    }

    /** {@link #write}, answering the whole memory as the write left it. */
    protected Contents writeAndRead(Layout layout, String lockToken, int first, int step, byte[] elements) {
        return contents(write(layout, lockToken, first, step, elements, true).bytes(1));
    }

    private Reply write(Layout layout, String lockToken, int first, int step, byte[] elements, boolean readBack) {
        int size = layout.typecode().size();
        return call(layout.key(), lockToken, "write", offset(layout, first), (long) step * size, size, elements,
                readBack ? "1" : "0");
    }

    /**
     * Adds {@code delta} to the element at {@code index} (Python's {@code v.value += delta}, done atomically) and
     * answers the element's new value; a sum outside the typecode is refused ({@code out-of-range}) and changes
     * nothing.
     */
    protected Object add(Layout layout, String lockToken, int index, JsonNode delta) {
        Typecode typecode = layout.typecode();
        List<Object> args = new ArrayList<>(List.of(offset(layout, index)));
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
        Reply reply = call(layout.key(), lockToken, "add", args);
        Object value = typecode.decode(reply.bytes(1), 0);
        if (!reply.flag(2)) {
            String sum = typecode.isInteger()
                    ? value + " + " + integerDelta + " = " + ((BigInteger) value).add(integerDelta)
                    : value + " + " + typecode.floatDelta(delta);
            throw RecordProblem.outOfRange(element(layout.key(), index) + ": " + sum + " is outside typecode "
                    + typecode.describeRange());
        }
        return value;
    }

    /** Python's {@code if v.value == expect: v.value = update}, done atomically. */
    protected Swap compareAndSet(Layout layout, String lockToken, int index, byte[] expect, byte[] update) {
        Typecode typecode = layout.typecode();
        Reply reply = call(layout.key(), lockToken, "compare-and-set", offset(layout, index),
                typecode.isFloat() ? typecode.code() : "bytes", expect, update);
        return new Swap(reply.flag(2), typecode.decode(reply.bytes(1), 0));
    }

    /** Frees an object's memory and its lock, in one step. */
    public void delete(String id) {
        run(kind.key(id), "delete", "");
    }

    /** Runs {@code operation} on the memory, and under its lock when a token is given (then the lock's key too). */
    private Reply call(ObjectKey key, String lockToken, String operation, Object... args) {
        Object[] argv = new Object[args.length + 1];
        argv[0] = lockToken == null ? "" : lockToken;
        System.arraycopy(args, 0, argv, 1, args.length);
        return run(key, lockToken == null ? List.of(key.own()) : key.keys(), operation, argv);
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

    private static long offset(Layout layout, int index) {
        return 1 + (long) index * layout.typecode().size();
    }

    private static String element(ObjectKey key, int index) {
        return key.kind() == ARRAY ? key + "[" + index + "]" : key.toString();
    }
}
