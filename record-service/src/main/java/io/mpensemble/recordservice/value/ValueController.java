package io.mpensemble.recordservice.value;

import static io.mpensemble.recordservice.sharedmemory.SharedMemory.LOCK_TOKEN;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** Python's {@code multiprocessing.Value}. Its lock ({@code get_lock()}) is at {@code /api/values/{id}/lock}. */
@RestController
@RequestMapping("/api/values")
record ValueController(SharedValues values) {

    @Operation(summary = "Value(typecode, value): a new shared Value",
            description = "Typecodes b B h H i I l L q Q f d c with C's widths; a value outside the typecode is "
                    + "refused (out-of-range), never truncated. Example: {\"typecode\": \"i\", \"value\": 10} → 201 "
                    + "{\"id\": \"v-…\", \"typecode\": \"i\", \"value\": 10}")
    @PostMapping
    ResponseEntity<ValueState> create(@Valid @RequestBody NewValue request) {
        ValueState value = values.create(request);
        return ResponseEntity.created(URI.create("/api/values/" + value.id())).body(value);
    }

    @Operation(summary = "v.value",
            description = "Example: GET /api/values/v-… → {\"id\": \"v-…\", \"typecode\": \"d\", \"value\": 3.5}")
    @GetMapping("/{id}")
    ValueState get(@PathVariable String id) {
        return values.get(id);
    }

    @Operation(summary = "v.value = value",
            description = "With a Lock-Token header the write happens only while that token holds the Value's lock "
                    + "(else 409 lock-not-held). Example: {\"value\": 5} → {\"id\": \"v-…\", \"typecode\": \"i\", "
                    + "\"value\": 5}")
    @PutMapping("/{id}")
    ValueState set(@PathVariable String id, @RequestHeader(name = LOCK_TOKEN, required = false) String lockToken,
            @Valid @RequestBody ValueUpdate request) {
        return values.set(id, request.value(), lockToken);
    }

    @Operation(summary = "with v.get_lock(): v.value += delta, as one atomic step",
            description = "Exact over the whole typecode; a sum outside it is refused (out-of-range) and changes "
                    + "nothing. Not for typecode 'c'. Example: {\"delta\": 3} → {\"id\": \"v-…\", \"typecode\": "
                    + "\"i\", \"value\": 13}")
    @PostMapping("/{id}/add")
    ValueState add(@PathVariable String id, @RequestHeader(name = LOCK_TOKEN, required = false) String lockToken,
            @Valid @RequestBody ValueDelta request) {
        return values.add(id, request.delta(), lockToken);
    }

    @Operation(summary = "with v.get_lock(): if v.value == expect: v.value = update",
            description = "Example: {\"expect\": 1, \"update\": 2} → {\"swapped\": true, \"value\": 2}; when the "
                    + "Value holds something else: {\"swapped\": false, \"value\": <what it holds>}")
    @PostMapping("/{id}/compare-and-set")
    CompareAndSetResult compareAndSet(@PathVariable String id,
            @RequestHeader(name = LOCK_TOKEN, required = false) String lockToken,
            @Valid @RequestBody ValueCompareAndSet request) {
        return values.compareAndSet(id, request, lockToken);
    }

    @Operation(summary = "Free the Value and its lock", description = "Example: DELETE /api/values/v-… → 204")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        values.delete(id);
    }
}
