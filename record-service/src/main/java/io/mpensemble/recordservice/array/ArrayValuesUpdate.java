package io.mpensemble.recordservice.array;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/** Python's {@code arr[start:stop:step] = values} or {@code arr[:] = values}: as many values as the slice has. */
public record ArrayValuesUpdate(@NotNull List<JsonNode> values) {
}
