package io.mpensemble.recordservice.dict;

import java.util.List;

/**
 * {@code list(d.keys())}.
 *
 * @param keys the keys in insertion order
 */
public record DictKeys(List<String> keys) {
}
