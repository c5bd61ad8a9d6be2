package io.mpensemble.recordservice.manager;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Manager sessions: {@code with Manager() as manager:} over HTTP. */
@RestController
@RequestMapping("/api/managers")
@Tag(name = "managers", description = "Manager sessions, which hold lists and dicts and free them when they end")
record ManagerController(Managers managers) {

    @Operation(summary = "Start a manager session (with Manager() as manager:)",
            description = "The session and every object in it are freed when it is shut down or when its time-to-live "
                    + "runs out (default and maximum in mp-ensemble.records.manager). Example: "
                    + "{\"ttlSeconds\": 600} → 201 {\"id\": \"m-4f0c…\", \"expiresAt\": \"2025-01-01T10:10:00Z\", "
                    + "\"objects\": []}")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ManagerState> start(@Valid @RequestBody(required = false) ManagerStart request) {
        ManagerState state = managers.start(request == null ? null : request.ttlSeconds());
        return ResponseEntity.created(URI.create("/api/managers/" + state.id())).body(state);
    }

    @Operation(summary = "A session and its objects",
            description = "Example: {\"id\": \"m-4f0c…\", \"expiresAt\": \"2025-01-01T10:10:00Z\", "
                    + "\"objects\": [{\"id\": \"l-9a1b…\", \"kind\": \"list\"}]}")
    @GetMapping("/{id}")
    ManagerState describe(@PathVariable String id) {
        return managers.describe(id);
    }

    @Operation(summary = "Shut a session down (leaving the with block)",
            description = "Frees every list and dict in it; afterwards each answers 404 not-found. Example: → 204")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void shutdown(@PathVariable String id) {
        managers.shutdown(id);
    }
}
