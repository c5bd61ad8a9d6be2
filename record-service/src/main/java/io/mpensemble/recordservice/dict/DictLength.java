package io.mpensemble.recordservice.dict;

/**
 * {@code len(d)}.
 *
 * @param length how many entries the dict holds
 */
public record DictLength(long length) {
}
