package io.mpensemble.recordservice.dict;

import java.util.Map;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * What {@code dict.update(entries)} takes.
 *
 * @param entries string keys to any JSON; required
 */
public record DictEntries(@NotNull(message = "is required") Map<String, JsonNode> entries) {
}
