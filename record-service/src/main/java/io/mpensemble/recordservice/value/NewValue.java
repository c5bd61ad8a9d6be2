package io.mpensemble.recordservice.value;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * Python's {@code Value(typecode, value)}.
 *
 * @param typecode one of {@code b B h H i I l L q Q f d c}
 * @param value the initial value; absent or null: zero ({@code 0}, {@code 0.0}, {@code "\u0000"})
 */
public record NewValue(@NotNull String typecode, JsonNode value) {
}
