package io.mpensemble.recordservice.list;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * Elements in order: what {@code extend} and slice assignment take and a slice returns.
 *
 * @param values JSON values; required
 */
public record ListValues(@NotNull(message = "is required") List<JsonNode> values) {
}
