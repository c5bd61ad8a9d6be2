package io.mpensemble.recordservice.redis;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.mpensemble.recordservice.RecordProblem;

/**
 * A kind of object record-service keeps in Redis: how its ids look ({@code l-} and 32 hex digits), where its keys
 * live ({@code mp:list:<id>}, then {@code mp:list:<id>:<suffix>} for each further key) and what its absence says.
 *
 * @param name Python's name for it ({@code list}, {@code Value}), as messages show it
 * @param idPrefix what its ids start with
 * @param notFoundDetail the detail of its {@code not-found} problem, {@code %s} standing for the id
 * @param suffixes its keys besides its own, in the order its scripts take them
 */
public record ObjectKind(String name, String idPrefix, String notFoundDetail, List<String> suffixes) {

    private static final Pattern HEX_32 = Pattern.compile("[0-9a-f]{32}");

    public ObjectKind(String name, String idPrefix, String notFoundDetail, String... suffixes) {
        this(name, idPrefix, notFoundDetail, List.of(suffixes));
    }

    /** A fresh, URL-safe id. */
    public ObjectKey newKey() {
        return new ObjectKey(this, idPrefix + UUID.randomUUID().toString().replace("-", ""));
    }

    /** The object {@code id}; an id this service never hands out names nothing ({@code not-found}). */
    public ObjectKey key(String id) {
        if (id == null || !id.startsWith(idPrefix)
                || !HEX_32.matcher(id).region(idPrefix.length(), id.length()).matches()) {
            throw notFound(id);
        }
        return new ObjectKey(this, id);
    }

    public RecordProblem notFound(String id) {
        return RecordProblem.notFound(notFoundDetail.formatted(id));
    }

    String keyPrefix() {
        return "mp:" + name.toLowerCase(Locale.ROOT) + ":";
    }
}
