package io.mpensemble.gateway.program;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.gateway.program.isolation.IsolationInput;
import io.mpensemble.gateway.program.isolation.IsolationProgram;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Runs the tutorial's programs through the real service processes and answers with what they print. */
@RestController
@RequestMapping("/api/programs")
@Tag(name = "programs", description = "The tutorial's five programs, each role played by its own service process")
class ProgramsController {

    static final String TEXT_PLAIN_UTF8 = "text/plain;charset=UTF-8";

    private final IsolationProgram isolation;

    ProgramsController(IsolationProgram isolation) {
        this.isolation = isolation;
    }

    @Operation(summary = "Process isolation (tutorial example 1)",
            description = "square-worker (p1) squares the numbers into its own process-local result and prints it; "
                    + "the gateway (the main program) then prints its own result, still empty. Without a body the "
                    + "tutorial's [1, 2, 3, 4] is used. Squares are exact for integers of any size.")
    @ApiResponse(responseCode = "200", description = "The transcript, as Python prints it",
            content = @Content(mediaType = TEXT_PLAIN_UTF8, examples = @ExampleObject(name = "numbers [5, 6, 7]",
                    value = "Result(in process p1): [25, 36, 49]\nResult(in main program): []\n")))
    @ApiResponse(responseCode = "400", description = "Not integers, not the documented shape, malformed JSON, "
            + "or more numbers than the maximum", content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/isolation", produces = TEXT_PLAIN_UTF8)
    String isolation(@Valid @RequestBody(required = false) IsolationInput input) {
        return isolation.run(input == null ? IsolationProgram.TUTORIAL_NUMBERS : input.numbersOrTutorial());
    }
}
