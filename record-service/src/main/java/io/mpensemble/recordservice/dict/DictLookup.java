package io.mpensemble.recordservice.dict;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

import io.mpensemble.recordservice.RecordProblem;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A key and what to use when it is absent: {@code get}, {@code pop} and {@code setdefault}.
 *
 * @param key the key, a string; required (read as JSON so that a number is refused, not taken as its digits)
 * @param defaultValue JSON field {@code default}: any JSON value, {@code null} included; absent means none was given
 */
public record DictLookup(@NotNull(message = "is required") @Schema(type = "string") JsonNode key,
        @JsonProperty("default") JsonNode defaultValue) {

    /** The key; Python would take {@code 1} as a key, but the ensemble's dict keys are strings. */
    String keyText() {
        if (!key.isString()) {
            throw RecordProblem.typeError("key: must be a string (dict keys are strings), not " + key);
        }
        return key.stringValue();
    }
}
