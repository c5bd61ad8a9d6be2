package io.mpensemble.gateway.program.pipe;

import java.util.List;

import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The pipe program's optional input.
 *
 * @param messages what the sender sends, any JSON values; absent or null: the tutorial's
 *        {@code ["hello", "hey", "hru?", "END"]}
 */
public record PipeInput(
        @Schema(description = "Messages, any JSON values (at most 10000, 8 MiB of JSON in all); absent or null: "
                + "[\"hello\", \"hey\", \"hru?\", \"END\"]", example = "[\"hi\", 42, \"END\"]")
        @Size(max = PipeProgram.MAX_MESSAGES) List<JsonNode> messages) {
}
