package io.mpensemble.recordservice.manager;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Redis keys of one manager session: {@code mp:manager:<id>} (a hash holding {@code expiresAt}),
 * {@code mp:manager:<id>:objects} (its objects as {@code kind:id}, in creation order) and
 * {@code mp:manager:<id>:keys} (every Redis key of those objects, so that shutting the session down frees them all).
 *
 * @param id the session's id, {@code m-} and 32 hex digits
 */
public record ManagerKeys(String id) {

    private static final Pattern ID = Pattern.compile("m-[0-9a-f]{32}");

    /** The keys of the session with this id; an id the service never hands out is simply not found. */
    public static ManagerKeys of(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw Managers.notFound(id);
        }
        return new ManagerKeys(id);
    }

    public String session() {
        return "mp:manager:" + id;
    }

    public String objects() {
        return session() + ":objects";
    }

    public String keys() {
        return session() + ":keys";
    }

    /** The three keys in the order every script that takes a session expects them. */
    public List<String> all() {
        return List.of(session(), objects(), keys());
    }
}
