package io.mpensemble.squareworker.isolation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.mpensemble.support.python.PyRepr;

/**
 * One run of the tutorial's process p1 in the isolation program: it squares the list into its own {@code result}, a
 * list no other process can see, and prints it.
 *
 * <pre>
 * def square_list(mylist):
 *     global result
 *     for num in mylist:
 *         result.append(num * num)
 *     print("Result(in process p1): {}".format(result))
 * </pre>
 */
public final class SquareListProcess {

    private final List<BigInteger> result = new ArrayList<>();

    /** Squares exactly, however large the numbers, and returns the line p1 prints. */
    public String squareList(List<BigInteger> mylist) {
        for (BigInteger num : mylist) {
            result.add(num.multiply(num));
        }
        return "Result(in process p1): " + PyRepr.ofInts(result);
    }

    /** What this process's memory holds now. */
    public List<BigInteger> result() {
        return List.copyOf(result);
    }
}
