package io.mpensemble.recordservice.list;

import java.math.BigInteger;

/**
 * {@code list.pop(index)}.
 *
 * @param index which element, negative counting from the end; the last when absent
 */
public record ListPop(BigInteger index) {
}
