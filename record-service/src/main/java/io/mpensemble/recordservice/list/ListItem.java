package io.mpensemble.recordservice.list;

import java.math.BigInteger;

import tools.jackson.databind.JsonNode;

/**
 * One element and the index it was asked for with ({@code list[index]}).
 *
 * @param index the index as given (negative counts from the end)
 * @param value the element
 */
public record ListItem(BigInteger index, JsonNode value) {
}
