package io.mpensemble.recordservice.dict;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A dict and its entries, in insertion order ({@code dict(d)}).
 *
 * @param id the dict's id
 * @param entries its entries, in insertion order
 */
public record DictState(String id, Map<String, JsonNode> entries) {
}
