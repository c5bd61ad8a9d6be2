package io.mpensemble.api.programs;

import java.math.BigInteger;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The gateway asks square-worker to run the queue program's p1: put each square into the queue.
 *
 * @param numbers the list to square
 * @param queue the name of the gateway's queue to put the squares into
 */
public record QueueSquareListRequest(
        @NotNull @Size(max = SquareListRequest.MAX_NUMBERS) List<@NotNull BigInteger> numbers,
        @NotBlank String queue) {
}
