package io.mpensemble.recordservice.typecode;

import java.util.UUID;
import java.util.regex.Pattern;

import io.mpensemble.recordservice.RecordProblem;

/** The two kinds of shared memory, Python's {@code Value} and {@code Array}: their ids and where they live in Redis. */
public enum MemoryKind {

    VALUE("Value", "v-", "mp:value:"),
    ARRAY("Array", "a-", "mp:array:");

    private final String name;
    private final String idPrefix;
    private final String keyPrefix;
    private final Pattern idPattern;

    MemoryKind(String name, String idPrefix, String keyPrefix) {
        this.name = name;
        this.idPrefix = idPrefix;
        this.keyPrefix = keyPrefix;
        this.idPattern = Pattern.compile(Pattern.quote(idPrefix) + "[0-9a-f]{32}");
    }

    /** Python's name for it: {@code Value} or {@code Array}. */
    @Override
    public String toString() {
        return name;
    }

    /** A fresh, URL-safe id: {@code v-} or {@code a-} and a UUID without dashes. */
    public MemoryKey newKey() {
        return key(idPrefix + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Where the object {@code id} lives; an id this service never makes names nothing ({@code not-found}). */
    public MemoryKey key(String id) {
        if (!idPattern.matcher(id).matches()) {
            throw notFound(id);
        }
        return new MemoryKey(this, id, keyPrefix + id);
    }

    RecordProblem notFound(String id) {
        return RecordProblem.notFound("no " + name + " with id '" + id + "'");
    }
}
