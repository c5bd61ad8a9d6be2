package io.mpensemble.recordservice.array;

/** Python's {@code len(arr)}. */
public record ArrayLength(int length) {
}
