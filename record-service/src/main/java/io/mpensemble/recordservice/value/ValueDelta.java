package io.mpensemble.recordservice.value;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/** Python's {@code with v.get_lock(): v.value += delta}, as one atomic step. */
public record ValueDelta(@NotNull JsonNode delta) {
}
