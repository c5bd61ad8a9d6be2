package io.mpensemble.api.programs;

import java.math.BigInteger;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The gateway asks square-worker to run the tutorial's {@code square_list(mylist)} as process p1.
 *
 * @param numbers the list to square, at most {@value #MAX_NUMBERS} integers
 */
public record SquareListRequest(@NotNull @Size(max = MAX_NUMBERS) List<@NotNull BigInteger> numbers) {

    /** The most numbers one program run takes. */
    public static final int MAX_NUMBERS = 10_000;
}
