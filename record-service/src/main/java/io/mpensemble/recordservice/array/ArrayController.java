package io.mpensemble.recordservice.array;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * Python's {@code multiprocessing.Array}. Indices and slices as in Python; its lock ({@code get_lock()}) is at
 * {@code /api/arrays/{id}/lock}. Writes take an optional Lock-Token header: then they happen only while that token
 * holds the Array's lock.
 */
@RestController
@RequestMapping("/api/arrays")
record ArrayController(SharedArrays arrays) {

    @Operation(summary = "Array(typecode, size_or_initializer): a new shared Array",
            description = "Give size (elements start at zero) or values, not both. Example: {\"typecode\": \"i\", "
                    + "\"size\": 4} → 201 {\"id\": \"a-…\", \"typecode\": \"i\", \"length\": 4, \"values\": "
                    + "[0, 0, 0, 0]}")
    @PostMapping
    ResponseEntity<ArrayState> create(@Valid @RequestBody NewArray request) {
        ArrayState array = arrays.create(request);
        return ResponseEntity.created(URI.create("/api/arrays/" + array.id())).body(array);
    }

    @Operation(summary = "arr[:], with the Array's typecode and length",
            description = "Example: GET /api/arrays/a-… → {\"id\": \"a-…\", \"typecode\": \"i\", \"length\": 4, "
                    + "\"values\": [1, 4, 9, 16]}")
    @GetMapping("/{id}")
    ArrayState get(@PathVariable String id) {
        return arrays.get(id);
    }

    @Operation(summary = "arr[:] = values: every element in one atomic step",
            description = "As many values as the Array has elements (else value-error). Example: {\"values\": "
                    + "[1, 4, 9, 16]} → {\"id\": \"a-…\", \"typecode\": \"i\", \"length\": 4, \"values\": "
                    + "[1, 4, 9, 16]}")
    @PutMapping("/{id}")
    ArrayState setAll(@PathVariable String id, @RequestHeader(name = LOCK_TOKEN, required = false) String lockToken,
            @Valid @RequestBody ArrayValuesUpdate request) {
        return arrays.setAll(id, request.values(), lockToken);
    }

    @Operation(summary = "Free the Array and its lock", description = "Example: DELETE /api/arrays/a-… → 204")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        arrays.delete(id);
    }

    @Operation(summary = "len(arr)", description = "Example: GET /api/arrays/a-…/length → {\"length\": 4}")
    @GetMapping("/{id}/length")
    ArrayLength length(@PathVariable String id) {
        return arrays.length(id);
    }

    @Operation(summary = "arr[index]",
            description = "A negative index counts from the end; outside the Array: index-error. Example: "
                    + "GET /api/arrays/a-…/items/-1 → {\"index\": 3, \"value\": 16}")
    @GetMapping("/{id}/items/{index}")
    ArrayItem item(@PathVariable String id, @PathVariable String index) {
        return arrays.item(id, index);
    }

    @Operation(summary = "arr[index] = value",
            description = "Example: PUT /api/arrays/a-…/items/2 {\"value\": 9} → {\"index\": 2, \"value\": 9}")
    @PutMapping("/{id}/items/{index}")
    ArrayItem setItem(@PathVariable String id, @PathVariable String index,
            @RequestHeader(name = LOCK_TOKEN, required = false) String lockToken,
            @Valid @RequestBody ArrayItemUpdate request) {
        return arrays.setItem(id, index, request.value(), lockToken);
    }

    @Operation(summary = "with arr.get_lock(): arr[index] += delta, as one atomic step",
            description = "Exact over the whole typecode; a sum outside it is refused (out-of-range) and changes "
                    + "nothing. Example: POST /api/arrays/a-…/items/0/add {\"delta\": 1} → {\"index\": 0, "
                    + "\"value\": 2}")
    @PostMapping("/{id}/items/{index}/add")
    ArrayItem addToItem(@PathVariable String id, @PathVariable String index,
            @RequestHeader(name = LOCK_TOKEN, required = false) String lockToken,
            @Valid @RequestBody ArrayItemDelta request) {
        return arrays.addToItem(id, index, request.delta(), lockToken);
    }

    @Operation(summary = "arr[start:stop:step]",
            description = "Each bound optional, negative ones count from the end, as in Python; step 0 is a "
                    + "value-error. Example: GET /api/arrays/a-…/slice?start=-1&step=-2 → {\"values\": [16, 4]}")
    @GetMapping("/{id}/slice")
    ArrayValues slice(@PathVariable String id, @RequestParam(required = false) String start,
            @RequestParam(required = false) String stop, @RequestParam(required = false) String step) {
        return arrays.slice(id, start, stop, step);
    }

    @Operation(summary = "arr[start:stop:step] = values, in one atomic step",
            description = "As many values as the slice has elements (else value-error \"Can only assign sequence of "
                    + "same size\"); answers the whole Array. Example: PUT /api/arrays/a-…/slice?start=1&stop=3 "
                    + "{\"values\": [7, 8]} → {\"id\": \"a-…\", \"typecode\": \"i\", \"length\": 4, \"values\": "
                    + "[1, 7, 8, 16]}")
    @PutMapping("/{id}/slice")
    ArrayState setSlice(@PathVariable String id, @RequestParam(required = false) String start,
            @RequestParam(required = false) String stop, @RequestParam(required = false) String step,
            @RequestHeader(name = LOCK_TOKEN, required = false) String lockToken,
            @Valid @RequestBody ArrayValuesUpdate request) {
        return arrays.setSlice(id, start, stop, step, request.values(), lockToken);
    }
}
