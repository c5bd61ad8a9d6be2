package io.mpensemble.recordservice.list;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Creates a list in a manager session ({@code manager.list([...])}).
 *
 * @param values its initial elements, any JSON; none when absent
 */
public record NewList(List<JsonNode> values) {
}
