package io.mpensemble.recordservice.list;

import java.math.BigInteger;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * {@code list.insert(index, value)}.
 *
 * @param index where, as in Python: negative counts from the end, beyond either end inserts at that end
 * @param value any JSON value
 */
public record ListInsert(@NotNull(message = "is required") BigInteger index,
        @NotNull(message = "is required") JsonNode value) {
}
