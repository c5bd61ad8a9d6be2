package io.mpensemble.recordservice.redis;

import java.util.ArrayList;
import java.util.List;

import io.mpensemble.recordservice.RecordProblem;

/** One object in Redis: its kind, its id and its keys. */
public record ObjectKey(ObjectKind kind, String id) {

    /** Its own key, {@code mp:<kind>:<id>}, there exactly while the object lives. */
    public String own() {
        return kind.keyPrefix() + id;
    }

    /** One of its further keys, {@code mp:<kind>:<id>:<suffix>}. */
    public String key(String suffix) {
        return own() + ":" + suffix;
    }

    /** Every key of the object: its own, then the further ones in the order of {@link ObjectKind#suffixes()}. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(1 + kind.suffixes().size());
        keys.add(own());
        kind.suffixes().forEach(suffix -> keys.add(key(suffix)));
        return keys;
    }

    public RecordProblem notFound() {
        return kind.notFound(id);
    }

    /** {@code Value v-…}, for messages. */
    @Override
    public String toString() {
        return kind.name() + " " + id;
    }
}
