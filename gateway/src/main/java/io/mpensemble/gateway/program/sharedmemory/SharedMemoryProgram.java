package io.mpensemble.gateway.program.sharedmemory;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.SharedMemorySquareListRequest;
import io.mpensemble.support.python.PyRepr;
import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.api.records.RecordServiceClient.ArrayView;
import io.mpensemble.api.records.RecordServiceClient.NewArray;
import io.mpensemble.api.records.RecordServiceClient.NewValue;
import io.mpensemble.api.records.RecordServiceClient.ValueView;
import io.mpensemble.api.records.Typecodes;
import io.mpensemble.gateway.program.Transcript;
import io.mpensemble.gateway.squareworker.SquareWorkerClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The tutorial's second program: the main program creates an Array and a Value in shared memory (record-service), p1
 * (square-worker) writes the squares and their sum into them, and the main program reads the same memory back.
 *
 * <pre>
 * result = multiprocessing.Array('i', 4)
 * square_sum = multiprocessing.Value('i')
 * p1 = multiprocessing.Process(target=square_list, args=(mylist, result, square_sum))
 * p1.start(); p1.join()
 * print("Result(in main program): {}".format(result[:]))
 * print("Sum of squares(in main program): {}".format(square_sum.value))
 * </pre>
 */
@Component
public class SharedMemoryProgram {

    /** The tutorial's {@code mylist} and typecode. */
    public static final List<JsonNode> TUTORIAL_NUMBERS = List.of(1, 2, 3, 4).stream()
            .map(n -> (JsonNode) JsonNodeFactory.instance.numberNode(n)).toList();
    public static final String TUTORIAL_TYPECODE = "i";

    private final RecordServiceClient records;
    private final SquareWorkerClient squareWorker;

    public SharedMemoryProgram(RecordServiceClient records, SquareWorkerClient squareWorker) {
        this.records = records;
        this.squareWorker = squareWorker;
    }

    public String run(SharedMemoryInput input) {
        List<JsonNode> mylist = input == null || input.numbers() == null ? TUTORIAL_NUMBERS : input.numbers();
        String typecode = input == null || input.typecode() == null ? TUTORIAL_TYPECODE : input.typecode();
        if (typecode.length() != 1 || Typecodes.NUMERIC.indexOf(typecode.charAt(0)) < 0) {
            throw EnsembleProblem.invalidField("typecode",
                    "must be one of " + String.join(" ", Typecodes.NUMERIC.split("")) + ", not '" + typecode + "'");
        }
        for (int i = 0; i < mylist.size(); i++) {
            if (!mylist.get(i).isNumber()) {
                throw EnsembleProblem.invalidField("numbers[" + i + "]", "must be a number");
            }
        }
        ArrayView result = records.createArray(new NewArray(typecode, mylist.size(), null));
        try {
            ValueView squareSum = records.createValue(new NewValue(typecode, null));
            try {
                ProcessReport p1 = squareWorker.squareListInSharedMemory(
                        new SharedMemorySquareListRequest(mylist, result.id(), squareSum.id()));
                List<JsonNode> resultNow = records.getArray(result.id()).values();
                JsonNode squareSumNow = records.getValue(squareSum.id()).value();
                return new Transcript().print(p1)
                        .print("Result(in main program): " + PyRepr.of(JsonNodeFactory.instance.arrayNode()
                                .addAll(resultNow)))
                        .print("Sum of squares(in main program): " + PyRepr.of(squareSumNow))
                        .toString();
            }
            finally {
                free(() -> records.deleteValue(squareSum.id()));
            }
        }
        finally {
            free(() -> records.deleteArray(result.id()));
        }
    }

    /** Shared memory is freed when the program ends, also when it failed; a failure to free must not hide why. */
    private static void free(Runnable delete) {
        try {
            delete.run();
        }
        catch (RestClientException ignored) {
            // the object is gone already, or record-service is down and the program's own error says so
        }
    }
}
