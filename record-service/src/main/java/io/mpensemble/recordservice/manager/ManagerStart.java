package io.mpensemble.recordservice.manager;

import java.math.BigInteger;

import jakarta.validation.constraints.Positive;

/**
 * Starts a manager session ({@code with Manager() as manager:}).
 *
 * @param ttlSeconds how long the session lives unless shut down first; the documented default when absent
 */
public record ManagerStart(@Positive BigInteger ttlSeconds) {
}
