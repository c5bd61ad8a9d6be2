package io.mpensemble.recordservice.array;

import java.util.List;

/** Python's {@code arr[start:stop:step]}. */
public record ArrayValues(List<Object> values) {
}
