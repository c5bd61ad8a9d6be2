package io.mpensemble.recordservice.list;

/**
 * What {@code list.count(value)} returns.
 *
 * @param count how many elements equal the value
 */
public record ListCount(long count) {
}
