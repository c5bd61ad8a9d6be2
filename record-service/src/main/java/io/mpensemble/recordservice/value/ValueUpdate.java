package io.mpensemble.recordservice.value;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/** Python's {@code v.value = value}. */
public record ValueUpdate(@NotNull JsonNode value) {
}
