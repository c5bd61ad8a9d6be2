package io.mpensemble.recordservice.dict;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * {@code list(d.items())}.
 *
 * @param items {@code [key, value]} pairs in insertion order
 */
public record DictItems(List<List<JsonNode>> items) {
}
