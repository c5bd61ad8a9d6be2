package io.mpensemble.recordservice.lock;

/**
 * A lock acquired.
 *
 * @param token names the holder: send it as the Lock-Token header to write under the lock and to release it
 * @param leaseMs the lock ends by itself this long after it was acquired
 */
public record LockGrant(String token, long leaseMs) {
}
