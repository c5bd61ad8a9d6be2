package io.mpensemble.recordservice.dict;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code list(d.values())}.
 *
 * @param values the values in their keys' insertion order
 */
public record DictValues(List<JsonNode> values) {
}
