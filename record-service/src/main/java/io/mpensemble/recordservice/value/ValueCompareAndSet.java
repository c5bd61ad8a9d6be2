package io.mpensemble.recordservice.value;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * Python's {@code with v.get_lock(): if v.value == expect: v.value = update}, as one atomic step.
 *
 * @param expect the value to find, converted like a value of the typecode (so for {@code 'f'} 0.1 finds 0.1)
 * @param update the value to store when found
 */
public record ValueCompareAndSet(@NotNull JsonNode expect, @NotNull JsonNode update) {
}
