package io.mpensemble.gateway.program.isolation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.mpensemble.api.programs.ProcessReport;
import io.mpensemble.api.programs.SquareListRequest;
import io.mpensemble.support.python.PyRepr;
import io.mpensemble.gateway.program.Transcript;
import io.mpensemble.gateway.squareworker.SquareWorkerClient;

/**
 * The tutorial's first program: process p1 (square-worker) squares the list into its own {@code result}; the main
 * program (this gateway) prints its own {@code result} afterwards and finds it still empty.
 *
 * <pre>
 * result = []
 * p1 = multiprocessing.Process(target=square_list, args=(mylist,))
 * p1.start(); p1.join()
 * print("Result(in main program): {}".format(result))
 * </pre>
 */
@Component
public class IsolationProgram {

    /** The tutorial's {@code mylist}. */
    public static final List<BigInteger> TUTORIAL_NUMBERS = List.of(BigInteger.ONE, BigInteger.TWO,
            BigInteger.valueOf(3), BigInteger.valueOf(4));

    private final SquareWorkerClient squareWorker;

    public IsolationProgram(SquareWorkerClient squareWorker) {
        this.squareWorker = squareWorker;
    }

    /** Runs the program and returns its transcript: p1's lines, then the main program's. */
    public String run(List<BigInteger> mylist) {
        // The main program's own global result. Only p1 squares, in its own process, so this stays empty.
        List<BigInteger> result = new ArrayList<>();
        ProcessReport p1 = squareWorker.squareList(new SquareListRequest(mylist));
        return new Transcript().print(p1).print("Result(in main program): " + PyRepr.ofInts(result)).toString();
    }
}
