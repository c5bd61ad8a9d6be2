package io.mpensemble.api.programs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The gateway asks the receiver (p2 of the pipe program) to receive on a pipe end it hosts until "END" or EOF.
 *
 * @param pipe the pipe's id
 * @param end the end the receiver hosts
 */
public record ReceiveMessagesRequest(@NotBlank String pipe, @NotNull @Min(0) @Max(1) Integer end) {
}
