package io.mpensemble.recordservice.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.mpensemble.recordservice.RecordProblem;
import io.mpensemble.recordservice.redis.LuaScripts;
import io.mpensemble.recordservice.redis.ObjectKey;
import io.mpensemble.recordservice.redis.ObjectKind;
import io.mpensemble.recordservice.redis.RedisObjects;
import io.mpensemble.recordservice.redis.Reply;

/**
 * The objects a manager session holds, lists and dicts: made in a session ({@code manager.list()}), gone with it,
 * each holding at most a documented number of elements or entries. Each operation is one script in
 * {@code scripts/<kind>/}, its first argument that limit. A kind adds its own operations and nothing else.
 */
public abstract class ManagedObjects extends RedisObjects {

    protected final JsonText json;
    private final ObjectKind kind;
    private final ManagerProperties limits;
    private final int maxLength;
    private final String lengthUnit;
    private final String lengthSetting;

    /**
     * @param maxLength the most elements or entries one object holds
     * @param lengthUnit what it holds: {@code elements}, {@code entries}
     * @param lengthSetting the setting of {@code maxLength}, named when it is exceeded
     */
    protected ManagedObjects(LuaScripts scripts, ObjectKind kind, JsonText json, ManagerProperties limits,
            int maxLength, String lengthUnit, String lengthSetting) {
        super(scripts, kind.name());
        this.kind = kind;
        this.json = json;
        this.limits = limits;
        this.maxLength = maxLength;
        this.lengthUnit = lengthUnit;
        this.lengthSetting = lengthSetting;
    }

    /**
     * A new object in the session {@code managerId}, holding {@code length} elements or entries: {@code data}, which
     * is checked (and may be refused) once the session's id and the length are.
     */
    protected ObjectKey create(String managerId, int length, Supplier<List<String>> data) {
        ObjectKey session = Managers.SESSION.key(managerId);
        if (length > maxLength) {
            throw tooLong("the new " + kind.name(), length);
        }
        ObjectKey key = kind.newKey();
        List<String> keys = new ArrayList<>(key.keys());
        keys.addAll(session.keys());
        run(session, keys, "create", maxLength, kind.name() + ":" + key.id(), limits.maxObjects(), data.get());
        return key;
    }

    /** Runs {@code operation} on the object {@code id}. */
    protected Reply run(String id, String operation, Object... args) {
        Object[] argv = new Object[args.length + 1];
        argv[0] = maxLength;
        System.arraycopy(args, 0, argv, 1, args.length);
        return run(kind.key(id), operation, argv);
    }

    @Override
    protected RecordProblem refusal(ObjectKey key, Reply reply) {
        return switch (reply.status()) {
            case "too-long" -> tooLong(key.kind().name() + " '" + key.id() + "'", reply.number(1));
            case "too-many-objects" -> RecordProblem.limitExceeded("manager '" + key.id() + "' already holds "
                    + limits.maxObjects() + " objects, the limit (" + ManagerProperties.setting("max-objects") + ")");
            default -> super.refusal(key, reply);
        };
    }

    private RecordProblem tooLong(String which, long length) {
        return RecordProblem.limitExceeded(which + " would hold " + length + " " + lengthUnit + ", more than the limit "
                + "of " + maxLength + " (" + ManagerProperties.setting(lengthSetting) + ")");
    }
}
