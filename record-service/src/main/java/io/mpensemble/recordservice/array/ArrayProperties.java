package io.mpensemble.recordservice.array;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of Arrays ({@code mp-ensemble.records.shared-memory.array.*}).
 *
 * @param maxLength the most elements one Array holds (at 8 bytes for the widest typecodes)
 */
@ConfigurationProperties("mp-ensemble.records.shared-memory.array")
@Validated
public record ArrayProperties(@DefaultValue("1000000") @Positive int maxLength) {
}
