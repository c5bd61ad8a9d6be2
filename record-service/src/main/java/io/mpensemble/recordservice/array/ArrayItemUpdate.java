package io.mpensemble.recordservice.array;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/** Python's {@code arr[index] = value}. */
public record ArrayItemUpdate(@NotNull JsonNode value) {
}
