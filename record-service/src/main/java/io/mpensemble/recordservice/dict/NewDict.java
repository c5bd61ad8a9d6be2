package io.mpensemble.recordservice.dict;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Creates a dict in a manager session ({@code manager.dict({...})}).
 *
 * @param entries its initial entries, string keys to any JSON; none when absent
 */
public record NewDict(Map<String, JsonNode> entries) {
}
