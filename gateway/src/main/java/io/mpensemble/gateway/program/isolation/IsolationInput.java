package io.mpensemble.gateway.program.isolation;

import java.math.BigInteger;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.mpensemble.api.programs.SquareListRequest;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The isolation program's optional input.
 *
 * @param numbers the list p1 squares; absent or null: the tutorial's {@code [1, 2, 3, 4]}
 */
public record IsolationInput(
        @Schema(description = "Integers of any size (at most 1000 digits each); absent or null: [1, 2, 3, 4]",
                example = "[5, 6, 7]")
        @Size(max = SquareListRequest.MAX_NUMBERS) List<@NotNull BigInteger> numbers) {

    /** The numbers to run with: the given ones, or the tutorial's. */
    public List<BigInteger> numbersOrTutorial() {
        return numbers == null ? IsolationProgram.TUTORIAL_NUMBERS : numbers;
    }
}
