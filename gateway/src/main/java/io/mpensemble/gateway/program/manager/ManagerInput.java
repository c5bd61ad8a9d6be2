package io.mpensemble.gateway.program.manager;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The manager program's optional input.
 *
 * @param records the records the manager's list starts with; absent or null: the tutorial's three
 * @param newRecord the record p1 inserts; absent or null: the tutorial's {@code ["Jeff", 8]}
 */
public record ManagerInput(
        @Schema(description = "Records, each a list whose first two elements are the name and the score; "
                + "absent or null: [[\"Sam\", 10], [\"Adam\", 9], [\"Kevin\", 9]]", example = "[[\"Ann\", 7]]")
        @Size(max = ManagerInput.MAX_RECORDS) List<@NotNull JsonNode> records,
        @Schema(description = "The record p1 appends; absent or null: [\"Jeff\", 8]", example = "[\"Bob\", 3]")
        JsonNode newRecord) {

    /** The most records one program run takes. */
    public static final int MAX_RECORDS = 10_000;
}
