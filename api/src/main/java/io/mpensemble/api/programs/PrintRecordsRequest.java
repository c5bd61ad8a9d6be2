package io.mpensemble.api.programs;

import jakarta.validation.constraints.NotBlank;

/**
 * The gateway asks the printer (p2 of the manager program) to print every record of the manager's list.
 *
 * @param listId the manager's {@code records} list in record-service
 */
public record PrintRecordsRequest(@NotBlank String listId) {
}
