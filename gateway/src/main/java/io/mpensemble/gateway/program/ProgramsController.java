package io.mpensemble.gateway.program;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.gateway.program.isolation.IsolationInput;
import io.mpensemble.gateway.program.isolation.IsolationProgram;
import io.mpensemble.gateway.program.manager.ManagerInput;
import io.mpensemble.gateway.program.manager.ManagerProgram;
import io.mpensemble.gateway.program.pipe.PipeInput;
import io.mpensemble.gateway.program.pipe.PipeProgram;
import io.mpensemble.gateway.program.queue.QueueProgram;
import io.mpensemble.gateway.program.sharedmemory.SharedMemoryInput;
import io.mpensemble.gateway.program.sharedmemory.SharedMemoryProgram;
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
    private final SharedMemoryProgram sharedMemory;
    private final ManagerProgram manager;
    private final QueueProgram queue;
    private final PipeProgram pipe;

    ProgramsController(IsolationProgram isolation, SharedMemoryProgram sharedMemory, ManagerProgram manager,
            QueueProgram queue, PipeProgram pipe) {
        this.isolation = isolation;
        this.sharedMemory = sharedMemory;
        this.manager = manager;
        this.queue = queue;
        this.pipe = pipe;
    }

    @Operation(summary = "Process isolation (tutorial example 1)",
            description = "square-worker (p1) squares the numbers into its own process-local result and prints it; "
                    + "the gateway (the main program) then prints its own result, still empty. Without a body the "
                    + "tutorial's [1, 2, 3, 4] is used. Squares are exact for integers of any size.")
    @ApiResponse(responseCode = "200", description = "The transcript, as Python prints it",
            content = @Content(mediaType = TEXT_PLAIN_UTF8, examples = @ExampleObject(name = "numbers [5, 6, 7]",
                    value = "Result(in process p1): [25, 36, 49]\nResult(in main program): []\n")))
    @ProgramEndpoint(value = "/isolation",
            refuses = "Not integers, not the documented shape, malformed JSON, or more numbers than the maximum")
    String isolation(@Valid @RequestBody(required = false) IsolationInput input) {
        return isolation.run(input == null ? IsolationProgram.TUTORIAL_NUMBERS : input.numbersOrTutorial());
    }

    @Operation(summary = "Shared memory: Array and Value (tutorial example 2)",
            description = "The gateway creates an Array and a Value of the typecode in record-service; square-worker "
                    + "(p1) writes result[idx] = num * num and square_sum.value = sum(result) into them and prints "
                    + "its view; the gateway reads the same memory back and prints its own. Without a body: the "
                    + "tutorial's [1, 2, 3, 4] and 'i'. A square or sum the typecode cannot hold is a 400 naming it "
                    + "(Python would store a wrapped-around number).")
    @ApiResponse(responseCode = "200", description = "The transcript, as Python prints it",
            content = @Content(mediaType = TEXT_PLAIN_UTF8, examples = @ExampleObject(
                    name = "numbers [1.5, 2], typecode d", value = "Result(in process p1): [2.25, 4.0]\n"
                            + "Sum of squares(in process p1): 6.25\nResult(in main program): [2.25, 4.0]\n"
                            + "Sum of squares(in main program): 6.25\n")))
    @ProgramEndpoint(value = "/shared-memory", refuses = "Not numbers, an unknown typecode, a float for an integer "
            + "typecode, or a square or sum out of the typecode's range")
    String sharedMemory(@Valid @RequestBody(required = false) SharedMemoryInput input) {
        return sharedMemory.run(input);
    }

    @Operation(summary = "Manager: a server process holding a list (tutorial example 3)",
            description = "A manager session in record-service holds the records list; the record inserter "
                    + "(square-worker, p1) appends the new record; the printer (printer-service, p2) reads every "
                    + "record through the manager and prints it. The session is closed afterwards. Without a body: "
                    + "the tutorial's records and [\"Jeff\", 8].")
    @ApiResponse(responseCode = "200", description = "The transcript, as Python prints it",
            content = @Content(mediaType = TEXT_PLAIN_UTF8, examples = @ExampleObject(
                    name = "records [[\"Ann\", 7]], newRecord [\"Bob\", 3]", value = "New record added!\n\n"
                            + "Name: Ann\nScore: 7\n\nName: Bob\nScore: 3\n\n")))
    @ProgramEndpoint(value = "/manager", refuses = "A record that is not a list of a name and a score, or too many")
    String manager(@Valid @RequestBody(required = false) ManagerInput input) {
        return manager.run(input);
    }

    @Operation(summary = "Queue (tutorial example 4)",
            description = "square-worker (p1) puts each square into a fresh queue (a Kafka topic); the gateway waits "
                    + "for p1 to finish, prints 'Queue elements:', gets every item and prints it, then 'Queue is now "
                    + "empty!'. The queue is removed afterwards. Without a body: the tutorial's [1, 2, 3, 4].")
    @ApiResponse(responseCode = "200", description = "The transcript, as Python prints it",
            content = @Content(mediaType = TEXT_PLAIN_UTF8, examples = @ExampleObject(name = "numbers [5, 6]",
                    value = "Queue elements:\n25\n36\nQueue is now empty!\n")))
    @ProgramEndpoint(value = "/queue", refuses = "Not integers, not the documented shape, or too many")
    String queue(@Valid @RequestBody(required = false) IsolationInput input) {
        return queue.run(input == null ? null : input.numbers());
    }

    @Operation(summary = "Pipe (tutorial example 5)",
            description = "The sender (the gateway, p1) sends each message over a pipe straight to the receiver "
                    + "(printer-service, p2) on one HTTP stream, printing 'Sent the message: ...'; the receiver "
                    + "prints 'Received the message: ...' for each until \"END\" or EOF. The reply is the sender's "
                    + "lines, then the receiver's. Without a body: the tutorial's [\"hello\", \"hey\", \"hru?\", "
                    + "\"END\"]. Messages are any JSON values, printed as Python's str() prints them.")
    @ApiResponse(responseCode = "200", description = "The transcript, as Python prints it",
            content = @Content(mediaType = TEXT_PLAIN_UTF8, examples = @ExampleObject(
                    name = "messages [\"hi\", 42, \"END\"]", value = "Sent the message: hi\nSent the message: 42\n"
                            + "Sent the message: END\nReceived the message: hi\nReceived the message: 42\n")))
    @ProgramEndpoint(value = "/pipe",
            refuses = "messages not a list, more than 10000 messages, or more than 8 MiB of JSON in all")
    String pipe(@Valid @RequestBody(required = false) PipeInput input) {
        return pipe.run(input);
    }
}
