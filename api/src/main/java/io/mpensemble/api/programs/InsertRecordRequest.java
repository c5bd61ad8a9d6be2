package io.mpensemble.api.programs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * The gateway asks the record inserter (p1 of the manager program) to append a record to the manager's list.
 *
 * @param listId the manager's {@code records} list in record-service
 * @param record the new record, e.g. {@code ["Jeff", 8]}
 */
public record InsertRecordRequest(@NotBlank String listId, @NotNull JsonNode record) {
}
