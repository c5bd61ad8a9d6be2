package io.mpensemble.recordservice.list;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A list and its elements ({@code list(records)}).
 *
 * @param id the list's id
 * @param values its elements, each the JSON value a client put there
 */
public record ListState(String id, List<JsonNode> values) {
}
