package io.mpensemble.recordservice.list;

/**
 * What {@code value in list} gives.
 *
 * @param contains whether an element equals the value
 */
public record ListContains(boolean contains) {
}
