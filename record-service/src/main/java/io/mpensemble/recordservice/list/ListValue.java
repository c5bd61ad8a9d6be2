package io.mpensemble.recordservice.list;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * One element: what {@code append}, {@code remove}, {@code count} and item assignment take and {@code pop} returns.
 *
 * @param value any JSON value, {@code null} included (Python's {@code None}); required
 */
public record ListValue(@NotNull(message = "is required") JsonNode value) {
}
