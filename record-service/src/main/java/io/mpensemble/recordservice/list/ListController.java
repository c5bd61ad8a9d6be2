package io.mpensemble.recordservice.list;

import java.math.BigInteger;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A manager's lists: Python's list operations over HTTP, with Python's index rules and error messages. Elements are
 * any JSON; a record {@code ('Sam', 10)} is {@code ["Sam", 10]}.
 */
@RestController
@Tag(name = "lists", description = "Lists held by a manager session (manager.list())")
record ListController(Lists lists) {

    @Operation(summary = "manager.list(values)",
            description = "A new list in the session, freed with it. Example: {\"values\": [[\"Sam\", 10], "
                    + "[\"Adam\", 9]]} → 201 {\"id\": \"l-9a1b…\", \"values\": [[\"Sam\", 10], [\"Adam\", 9]]}")
    @PostMapping("/api/managers/{managerId}/lists")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ListState> create(@PathVariable String managerId,
            @RequestBody(required = false) NewList request) {
        List<JsonNode> values = request == null || request.values() == null ? List.of()
                : request.values();
        ListState list = lists.create(managerId, values);
        return ResponseEntity.created(URI.create("/api/lists/" + list.id())).body(list);
    }

    @Operation(summary = "list(records): every element",
            description = "Example: {\"id\": \"l-9a1b…\", \"values\": [[\"Sam\", 10], [\"Adam\", 9]]}")
    @GetMapping("/api/lists/{id}")
    ListState get(@PathVariable String id) {
        return lists.get(id);
    }

    @Operation(summary = "len(list)", description = "Example: {\"length\": 2}")
    @GetMapping("/api/lists/{id}/length")
    ListLength length(@PathVariable String id) {
        return new ListLength(lists.length(id));
    }

    @Operation(summary = "list.append(value)",
            description = "Example: {\"value\": [\"Jeff\", 8]} → {\"length\": 3}")
    @PostMapping("/api/lists/{id}/append")
    ListLength append(@PathVariable String id, @Valid @RequestBody ListValue request) {
        return new ListLength(lists.append(id, request.value()));
    }

    @Operation(summary = "list.extend(values)",
            description = "Example: {\"values\": [1, 2]} → {\"length\": 5}")
    @PostMapping("/api/lists/{id}/extend")
    ListLength extend(@PathVariable String id, @Valid @RequestBody ListValues request) {
        return new ListLength(lists.extend(id, request.values()));
    }

    @Operation(summary = "list.insert(index, value)",
            description = "Negative indices count from the end; beyond either end inserts at that end. "
                    + "Example: {\"index\": 0, \"value\": \"first\"} → {\"length\": 6}")
    @PostMapping("/api/lists/{id}/insert")
    ListLength insert(@PathVariable String id, @Valid @RequestBody ListInsert request) {
        return new ListLength(lists.insert(id, request.index(), request.value()));
    }

    @Operation(summary = "list[index]",
            description = "Negative indices count from the end; out of range → 400 index-error \"list index out of "
                    + "range\". Example: GET …/items/-1 → {\"index\": -1, \"value\": [\"Jeff\", 8]}")
    @GetMapping("/api/lists/{id}/items/{index}")
    ListItem getItem(@PathVariable String id, @PathVariable BigInteger index) {
        return new ListItem(index, lists.getItem(id, index));
    }

    @Operation(summary = "list[index] = value",
            description = "Out of range → 400 index-error \"list assignment index out of range\". "
                    + "Example: PUT …/items/0 {\"value\": [\"Sam\", 11]} → {\"index\": 0, \"value\": [\"Sam\", 11]}")
    @PutMapping("/api/lists/{id}/items/{index}")
    ListItem setItem(@PathVariable String id, @PathVariable BigInteger index,
            @Valid @RequestBody ListValue request) {
        lists.setItem(id, index, request.value());
        return new ListItem(index, request.value());
    }

    @Operation(summary = "list[start:stop:step]",
            description = "Each bound optional, as in Python (negative counts from the end; step 0 → 400 "
                    + "value-error). Example: GET …/slice?start=-2 → {\"values\": [[\"Adam\", 9], [\"Jeff\", 8]]}")
    @GetMapping("/api/lists/{id}/slice")
    ListValues getSlice(@PathVariable String id, @RequestParam(required = false) BigInteger start,
            @RequestParam(required = false) BigInteger stop, @RequestParam(required = false) BigInteger step) {
        return new ListValues(lists.getSlice(id, start, stop, step));
    }

    @Operation(summary = "list[start:stop:step] = values",
            description = "A plain slice (step absent or 1) may change the length; an extended one needs exactly as "
                    + "many values as it selects, else 400 value-error. Answers the whole new list. Example: "
                    + "PUT …/slice?start=1&stop=2 {\"values\": [7, 8, 9]} on [1, 2, 3] → "
                    + "{\"id\": \"l-9a1b…\", \"values\": [1, 7, 8, 9, 3]}")
    @PutMapping("/api/lists/{id}/slice")
    ListState setSlice(@PathVariable String id, @RequestParam(required = false) BigInteger start,
            @RequestParam(required = false) BigInteger stop, @RequestParam(required = false) BigInteger step,
            @Valid @RequestBody ListValues request) {
        return new ListState(id, lists.setSlice(id, start, stop, step, request.values()));
    }

    @Operation(summary = "list.pop(index)",
            description = "The body is optional; without an index the last element. Empty list → 400 index-error "
                    + "\"pop from empty list\". Example: {\"index\": 0} → {\"value\": [\"Sam\", 10]}")
    @PostMapping("/api/lists/{id}/pop")
    ListValue pop(@PathVariable String id, @RequestBody(required = false) ListPop request) {
        return new ListValue(lists.pop(id, request == null ? null : request.index()));
    }

    @Operation(summary = "list.remove(value)",
            description = "Removes the first element equal to the value (1 == 1.0, as in Python); none → 400 "
                    + "value-error \"list.remove(x): x not in list\". Example: {\"value\": [\"Adam\", 9]} → 204")
    @PostMapping("/api/lists/{id}/remove")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String id, @Valid @RequestBody ListValue request) {
        lists.remove(id, request.value());
    }

    @Operation(summary = "list.index(value, start, stop)",
            description = "The first position of an equal element; none → 400 value-error \"… is not in list\". "
                    + "Example: {\"value\": [\"Jeff\", 8]} → {\"index\": 2}")
    @PostMapping("/api/lists/{id}/index")
    ListIndex index(@PathVariable String id, @Valid @RequestBody ListIndexQuery request) {
        return new ListIndex(lists.index(id, request.value(), request.start(), request.stop()));
    }

    @Operation(summary = "list.count(value)", description = "Example: {\"value\": 1} → {\"count\": 2}")
    @PostMapping("/api/lists/{id}/count")
    ListCount count(@PathVariable String id, @Valid @RequestBody ListValue request) {
        return new ListCount(lists.count(id, request.value()));
    }

    @Operation(summary = "value in list", description = "Example: {\"value\": [\"Sam\", 10]} → {\"contains\": true}")
    @PostMapping("/api/lists/{id}/contains")
    ListContains contains(@PathVariable String id, @Valid @RequestBody ListValue request) {
        return new ListContains(lists.contains(id, request.value()));
    }

    @Operation(summary = "list.clear()", description = "Example: → 204; the list stays, empty")
    @PostMapping("/api/lists/{id}/clear")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(@PathVariable String id) {
        lists.clear(id);
    }
}
