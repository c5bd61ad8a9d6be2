package io.mpensemble.recordservice.list;

import java.math.BigInteger;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * {@code list.index(value, start, stop)}.
 *
 * @param value the JSON value to look for (compared as Python's {@code ==}: {@code 1 == 1.0})
 * @param start where to start looking, as in Python; the start when absent
 * @param stop where to stop looking, as in Python; the end when absent
 */
public record ListIndexQuery(@NotNull(message = "is required") JsonNode value, BigInteger start, BigInteger stop) {
}
