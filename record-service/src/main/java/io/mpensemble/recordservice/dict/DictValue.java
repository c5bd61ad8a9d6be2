package io.mpensemble.recordservice.dict;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * One value: what {@code d[key] = value} takes and {@code get}, {@code pop} and {@code setdefault} return.
 *
 * @param value any JSON value, {@code null} included (Python's {@code None}); required
 */
public record DictValue(@NotNull(message = "is required") JsonNode value) {
}
