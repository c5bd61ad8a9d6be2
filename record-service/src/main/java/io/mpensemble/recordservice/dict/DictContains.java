package io.mpensemble.recordservice.dict;

/**
 * {@code key in d}.
 *
 * @param contains whether the dict has the key
 */
public record DictContains(boolean contains) {
}
