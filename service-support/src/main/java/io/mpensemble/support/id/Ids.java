package io.mpensemble.support.id;

import java.util.regex.Pattern;

import io.mpensemble.support.problem.EnsembleProblem;

/**
 * The one rule for the names a client gives the ensemble's objects (a queue's name, a pipe's id): safe as it stands
 * in a URL path, a Kafka topic name and a Redis key.
 */
public final class Ids {

    /** 1 to 100 letters, digits, '_' or '-'; a constant, so that a {@code @Pattern} can name it too. */
    public static final String FORMAT = "[A-Za-z0-9_-]{1,100}";

    /** {@link #FORMAT} in words, for the problem a client sees. */
    public static final String FORMAT_IN_WORDS = "1 to 100 letters, digits, '_' or '-'";

    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    private Ids() {
    }

    /**
     * Checks an id against the rule.
     *
     * @param field the request field that carried it, which the problem names
     * @param what what the id names ({@code "a queue name"}), for the problem's detail
     * @param id the id
     * @throws EnsembleProblem the invalid-field problem, unless {@code id} follows the rule
     */
    public static void require(String field, String what, String id) {
        if (id == null || !PATTERN.matcher(id).matches()) {
            throw EnsembleProblem.invalidField(field, what + " is " + FORMAT_IN_WORDS);
        }
    }
}
