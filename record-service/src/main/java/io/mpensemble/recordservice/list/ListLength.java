package io.mpensemble.recordservice.list;

/**
 * {@code len(list)}.
 *
 * @param length how many elements the list holds
 */
public record ListLength(long length) {
}
