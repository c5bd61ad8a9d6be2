package io.mpensemble.squareworker.sharedmemory;

import java.math.BigInteger;
import java.util.List;

import org.springframework.web.client.HttpClientErrorException;

import io.mpensemble.support.problem.EnsembleProblem;
import io.mpensemble.support.python.PyRepr;
import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.api.records.RecordServiceClient.ArrayView;
import io.mpensemble.api.records.RecordServiceClient.ValueWrite;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * p1 of the shared-memory program, working on the Array and Value record-service holds for everyone:
 *
 * <pre>
 * def square_list(mylist, result, square_sum):
 *     for idx, num in enumerate(mylist):
 *         result[idx] = num * num
 *     square_sum.value = sum(result)
 *     print("Result(in process p1): {}".format(result[:]))
 *     print("Sum of squares(in process p1): {}".format(square_sum.value))
 * </pre>
 */
public final class SharedMemorySquareList {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RecordServiceClient records;

    public SharedMemorySquareList(RecordServiceClient records) {
        this.records = records;
    }

    /** Runs p1 and returns the lines it prints; a square or sum its typecode cannot hold is refused by field. */
    public List<String> run(List<JsonNode> mylist, String resultId, String squareSumId) {
        for (int idx = 0; idx < mylist.size(); idx++) {
            JsonNode square = square(mylist.get(idx));
            try {
                records.setArrayItem(resultId, idx, new ValueWrite(square));
            }
            catch (HttpClientErrorException refused) {
                throw EnsembleProblem.refused("numbers[" + idx + "]", refused);
            }
        }
        ArrayView result = records.getArray(resultId);
        try {
            records.setValue(squareSumId, new ValueWrite(sum(result.values())));
        }
        catch (HttpClientErrorException refused) {
            throw EnsembleProblem.refused("square_sum", refused);
        }
        JsonNode squareSum = records.getValue(squareSumId).value();
        return List.of("Result(in process p1): " + PyRepr.of(NODES.arrayNode().addAll(result.values())),
                "Sum of squares(in process p1): " + PyRepr.of(squareSum));
    }

    /** {@code num * num} as Python computes it: exact for integers, IEEE double for floats. */
    static JsonNode square(JsonNode num) {
        if (num.isIntegralNumber()) {
            BigInteger n = num.bigIntegerValue();
            return NODES.numberNode(n.multiply(n));
        }
        if (num.isNumber()) {
            double d = num.doubleValue();
            return NODES.numberNode(d * d);
        }
        throw EnsembleProblem.invalidField("numbers", "must hold numbers only, not " + num);
    }

    /** Python's {@code sum(result)}: starts from int 0 and adds left to right, turning float at the first float. */
    static JsonNode sum(List<JsonNode> values) {
        BigInteger whole = BigInteger.ZERO;
        Double real = null;
        for (JsonNode value : values) {
            if (real == null && value.isIntegralNumber()) {
                whole = whole.add(value.bigIntegerValue());
            }
            else {
                real = (real == null ? whole.doubleValue() : real) + value.doubleValue();
            }
        }
        return real == null ? NODES.numberNode(whole) : NODES.numberNode(real);
    }
}
