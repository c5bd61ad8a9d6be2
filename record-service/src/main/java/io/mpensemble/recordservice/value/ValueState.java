package io.mpensemble.recordservice.value;

/**
 * A Value as it is now.
 *
 * @param id its id
 * @param typecode its typecode
 * @param value an exact integer, a float, or a one-character string, by typecode
 */
public record ValueState(String id, String typecode, Object value) {
}
