package io.mpensemble.recordservice.array;

/**
 * One element of an Array.
 *
 * @param index its position from 0 (a negative index in the request counts from the end)
 * @param value its value
 */
public record ArrayItem(int index, Object value) {
}
