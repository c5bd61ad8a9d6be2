package io.mpensemble.recordservice.array;

import java.util.List;

/**
 * An Array as it is now.
 *
 * @param id its id
 * @param typecode its typecode
 * @param length its number of elements, fixed at creation
 * @param values Python's {@code arr[:]}: exact integers, floats, or one-character strings, by typecode
 */
public record ArrayState(String id, String typecode, int length, List<Object> values) {
}
