package io.mpensemble.recordservice.dict;

import tools.jackson.databind.JsonNode;

/**
 * One entry ({@code d[key]}).
 *
 * @param key its key
 * @param value its value
 */
public record DictEntry(String key, JsonNode value) {
}
