package io.mpensemble.api.programs;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.JsonNode;

/**
 * The gateway asks square-worker to run the shared-memory program's p1: square each number into
 * {@code result[idx]}, then set {@code square_sum.value = sum(result)}.
 *
 * @param numbers the list to square: JSON numbers (integers of any size, or floats)
 * @param arrayId the shared {@code result} Array in record-service
 * @param valueId the shared {@code square_sum} Value in record-service
 */
public record SharedMemorySquareListRequest(
        @NotNull @Size(max = SquareListRequest.MAX_NUMBERS) List<@NotNull JsonNode> numbers,
        @NotBlank String arrayId, @NotBlank String valueId) {
}
