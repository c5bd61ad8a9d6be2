package io.mpensemble.recordservice.value;

/**
 * @param swapped whether the Value held {@code expect} and now holds {@code update}
 * @param value the Value's value now
 */
public record CompareAndSetResult(boolean swapped, Object value) {
}
