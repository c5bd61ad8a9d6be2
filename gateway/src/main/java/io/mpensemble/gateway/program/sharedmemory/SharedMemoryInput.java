package io.mpensemble.gateway.program.sharedmemory;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.mpensemble.api.programs.SquareListRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The shared-memory program's optional input.
 *
 * @param numbers the list p1 squares into the Array; absent or null: the tutorial's {@code [1, 2, 3, 4]}
 * @param typecode the typecode of the Array and the Value; absent or null: the tutorial's {@code "i"}
 */
public record SharedMemoryInput(
        @Schema(description = "JSON numbers (integers of any size, or floats for typecodes f and d); "
                + "absent or null: [1, 2, 3, 4]", example = "[1.5, 2]")
        @Size(max = SquareListRequest.MAX_NUMBERS) List<@NotNull JsonNode> numbers,
        @Schema(description = "One of b B h H i I l L q Q f d; absent or null: i", example = "d") String typecode) {
}
