package io.mpensemble.recordservice.dict;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A manager's dicts: Python's dict operations over HTTP. Keys are strings, values any JSON, entries in insertion
 * order. A key in a path is one URL-encoded segment; keys no path can carry work through the POST operations.
 */
@RestController
@Tag(name = "dicts", description = "Dicts held by a manager session (manager.dict())")
record DictController(Dicts dicts) {

    @Operation(summary = "manager.dict(entries)",
            description = "A new dict in the session, freed with it. Example: {\"entries\": {\"Sam\": 10}} → 201 "
                    + "{\"id\": \"d-5e2c…\", \"entries\": {\"Sam\": 10}}")
    @PostMapping("/api/managers/{managerId}/dicts")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DictState> create(@PathVariable String managerId,
            @RequestBody(required = false) NewDict request) {
        Map<String, JsonNode> entries = request == null || request.entries() == null ? Map.of()
                : request.entries();
        DictState dict = dicts.create(managerId, entries);
        return ResponseEntity.created(URI.create("/api/dicts/" + dict.id())).body(dict);
    }

    @Operation(summary = "dict(d): every entry", description = "Example: {\"id\": \"d-5e2c…\", \"entries\": "
            + "{\"Sam\": 10, \"Adam\": 9}}")
    @GetMapping("/api/dicts/{id}")
    DictState get(@PathVariable String id) {
        return new DictState(id, dicts.entries(id));
    }

    @Operation(summary = "list(d.keys())", description = "Example: {\"keys\": [\"Sam\", \"Adam\"]}")
    @GetMapping("/api/dicts/{id}/keys")
    DictKeys keys(@PathVariable String id) {
        return new DictKeys(dicts.keys(id));
    }

    @Operation(summary = "list(d.values())", description = "Example: {\"values\": [10, 9]}")
    @GetMapping("/api/dicts/{id}/values")
    DictValues values(@PathVariable String id) {
        return new DictValues(dicts.values(id));
    }

    @Operation(summary = "list(d.items())", description = "Example: {\"items\": [[\"Sam\", 10], [\"Adam\", 9]]}")
    @GetMapping("/api/dicts/{id}/items")
    DictItems items(@PathVariable String id) {
        return new DictItems(dicts.items(id));
    }

    @Operation(summary = "len(d)", description = "Example: {\"length\": 2}")
    @GetMapping("/api/dicts/{id}/length")
    DictLength length(@PathVariable String id) {
        return new DictLength(dicts.length(id));
    }

    @Operation(summary = "d[key]",
            description = "Absent → 404 key-error. Example: GET …/entries/Sam → {\"key\": \"Sam\", \"value\": 10}")
    @GetMapping("/api/dicts/{id}/entries/{key}")
    DictEntry getEntry(@PathVariable String id, @PathVariable String key) {
        return new DictEntry(key, dicts.getItem(id, key));
    }

    @Operation(summary = "d[key] = value",
            description = "Example: PUT …/entries/Jeff {\"value\": 8} → {\"key\": \"Jeff\", \"value\": 8}")
    @PutMapping("/api/dicts/{id}/entries/{key}")
    DictEntry setEntry(@PathVariable String id, @PathVariable String key, @Valid @RequestBody DictValue request) {
        dicts.set(id, key, request.value());
        return new DictEntry(key, request.value());
    }

    @Operation(summary = "del d[key]", description = "Absent → 404 key-error. Example: DELETE …/entries/Sam → 204")
    @DeleteMapping("/api/dicts/{id}/entries/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteEntry(@PathVariable String id, @PathVariable String key) {
        dicts.delete(id, key);
    }

    @Operation(summary = "d.get(key, default)",
            description = "The default (null when none is given) when absent. Example: {\"key\": \"Bob\", "
                    + "\"default\": 0} → {\"value\": 0}")
    @PostMapping("/api/dicts/{id}/get")
    DictValue getOrDefault(@PathVariable String id, @Valid @RequestBody DictLookup request) {
        return new DictValue(dicts.get(id, request.keyText(), request.defaultValue()));
    }

    @Operation(summary = "d.update(entries)", description = "Example: {\"entries\": {\"Sam\": 11, \"Kevin\": 9}} → "
            + "{\"length\": 3}")
    @PostMapping("/api/dicts/{id}/update")
    DictLength update(@PathVariable String id, @Valid @RequestBody DictEntries request) {
        return new DictLength(dicts.update(id, request.entries()));
    }

    @Operation(summary = "d.pop(key[, default])",
            description = "Absent → the default, or 404 key-error when none is given. Example: {\"key\": \"Sam\"} → "
                    + "{\"value\": 10}")
    @PostMapping("/api/dicts/{id}/pop")
    DictValue pop(@PathVariable String id, @Valid @RequestBody DictLookup request) {
        return new DictValue(dicts.pop(id, request.keyText(), request.defaultValue()));
    }

    @Operation(summary = "d.setdefault(key, default)",
            description = "The value; when absent, the default (null when none is given) is stored first. "
                    + "Example: {\"key\": \"Bob\", \"default\": []} → {\"value\": []}")
    @PostMapping("/api/dicts/{id}/setdefault")
    DictValue setDefault(@PathVariable String id, @Valid @RequestBody DictLookup request) {
        return new DictValue(dicts.setDefault(id, request.keyText(), request.defaultValue()));
    }

    @Operation(summary = "key in d", description = "Example: GET …/contains/Sam → {\"contains\": true}")
    @GetMapping("/api/dicts/{id}/contains/{key}")
    DictContains contains(@PathVariable String id, @PathVariable String key) {
        return new DictContains(dicts.contains(id, key));
    }

    @Operation(summary = "d.clear()", description = "Example: → 204; the dict stays, empty")
    @PostMapping("/api/dicts/{id}/clear")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@PathVariable String id) {
        dicts.clear(id);
    }
}
