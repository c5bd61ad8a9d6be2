package io.mpensemble.recordservice.list;

/**
 * What {@code list.index(value)} returns.
 *
 * @param index the position of the first equal element
 */
public record ListIndex(long index) {
}
