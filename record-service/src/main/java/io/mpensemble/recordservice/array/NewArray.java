package io.mpensemble.recordservice.array;

import java.math.BigInteger;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * Python's {@code Array(typecode, size_or_initializer)}: exactly one of {@code size} and {@code values}.
 *
 * @param typecode one of {@code b B h H i I l L q Q f d c}
 * @param size the number of elements, each zero ({@code 0}, {@code 0.0}, {@code "\u0000"})
 * @param values the initial elements
 */
public record NewArray(@NotNull String typecode, BigInteger size, List<JsonNode> values) {
}
