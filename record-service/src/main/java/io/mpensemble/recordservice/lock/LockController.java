package io.mpensemble.recordservice.lock;

import static io.mpensemble.recordservice.sharedmemory.SharedMemory.LOCK_TOKEN;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import io.mpensemble.recordservice.sharedmemory.SharedMemory;

/** {@code get_lock()} of a Value or an Array: acquire with a timeout and a lease, release by token. */
@RestController
record LockController(Locks locks) {

    private static final String ACQUIRE = "Waits up to timeoutMs (0: one try) for the lock and holds it for leaseMs "
            + "unless released sooner; both optional. Still held after the timeout: 409 lock-timeout. Send the token "
            + "as the Lock-Token header to write under the lock. Example: {\"timeoutMs\": 5000, \"leaseMs\": 30000} "
            + "→ {\"token\": \"…\", \"leaseMs\": 30000}";

    private static final String RELEASE = "Only for the token that holds the lock, else 409 lock-not-held. Example: "
            + "DELETE …/lock with header Lock-Token: <token> → 204";


    @Operation(summary = "v.get_lock().acquire(timeout=...)", description = ACQUIRE)
    @PostMapping("/api/values/{id}/lock")
    LockGrant acquireValueLock(@PathVariable String id, @Valid @RequestBody(required = false) LockRequest request) {
        return locks.acquire(SharedMemory.VALUE.key(id), orDefaults(request));
    }

    @Operation(summary = "v.get_lock().release()", description = RELEASE)
    @DeleteMapping("/api/values/{id}/lock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void releaseValueLock(@PathVariable String id, @RequestHeader(LOCK_TOKEN) String token) {
        locks.release(SharedMemory.VALUE.key(id), token);
    }

    @Operation(summary = "arr.get_lock().acquire(timeout=...)", description = ACQUIRE)
    @PostMapping("/api/arrays/{id}/lock")
    LockGrant acquireArrayLock(@PathVariable String id, @Valid @RequestBody(required = false) LockRequest request) {
        return locks.acquire(SharedMemory.ARRAY.key(id), orDefaults(request));
    }

    @Operation(summary = "arr.get_lock().release()", description = RELEASE)
    @DeleteMapping("/api/arrays/{id}/lock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void releaseArrayLock(@PathVariable String id, @RequestHeader(LOCK_TOKEN) String token) {
        locks.release(SharedMemory.ARRAY.key(id), token);
    }

    private static LockRequest orDefaults(LockRequest request) {
        return request == null ? new LockRequest(null, null) : request;
    }
}
