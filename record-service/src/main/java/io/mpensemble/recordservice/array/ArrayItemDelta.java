package io.mpensemble.recordservice.array;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/** Python's {@code with arr.get_lock(): arr[index] += delta}, as one atomic step. */
public record ArrayItemDelta(@NotNull JsonNode delta) {
}
