package io.mpensemble.api.records;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

import tools.jackson.databind.JsonNode;

/**
 * record-service's API as the other services call it (the proxies of the tutorial's shared objects): each service
 * imports it with {@code @ImportHttpServices(group = "record-service", ...)} and points it at
 * {@code RECORD_SERVICE_URL}. Only the calls the tutorial programs make are here; record-service's OpenAPI document
 * has the rest.
 */
@HttpExchange(url = "/api", accept = "application/json", contentType = "application/json")
public interface RecordServiceClient {

    String GROUP = "record-service";

    @PostExchange("/values")
    ValueView createValue(@RequestBody NewValue value);

    @GetExchange("/values/{id}")
    ValueView getValue(@PathVariable String id);

    @PutExchange("/values/{id}")
    ValueView setValue(@PathVariable String id, @RequestBody ValueWrite value);

    @DeleteExchange("/values/{id}")
    void deleteValue(@PathVariable String id);

    @PostExchange("/arrays")
    ArrayView createArray(@RequestBody NewArray array);

    @GetExchange("/arrays/{id}")
    ArrayView getArray(@PathVariable String id);

    @PutExchange("/arrays/{id}/items/{index}")
    ArrayItem setArrayItem(@PathVariable String id, @PathVariable int index, @RequestBody ValueWrite value);

    @DeleteExchange("/arrays/{id}")
    void deleteArray(@PathVariable String id);

    @PostExchange("/managers")
    ManagerView createManager(@RequestBody NewManager manager);

    @DeleteExchange("/managers/{id}")
    void deleteManager(@PathVariable String id);

    @PostExchange("/managers/{id}/lists")
    ListView createList(@PathVariable String id, @RequestBody NewList list);

    @GetExchange("/lists/{id}")
    ListView getList(@PathVariable String id);

    @PostExchange("/lists/{id}/append")
    ListLength append(@PathVariable String id, @RequestBody ListElement element);

    /** A shared {@code Value}: {@code typecode} as in Python, {@code value} a JSON number (a string for 'c'). */
    record ValueView(String id, String typecode, JsonNode value) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewValue(String typecode, JsonNode value) {
    }

    record ValueWrite(JsonNode value) {
    }

    /** A shared {@code Array}; {@code values} is {@code result[:]}. */
    record ArrayView(String id, String typecode, int length, List<JsonNode> values) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewArray(String typecode, Integer size, List<JsonNode> values) {
    }

    record ArrayItem(int index, JsonNode value) {
    }

    /** A manager session: the {@code with Manager() as manager:} block; closing it frees its objects. */
    record ManagerView(String id, String expiresAt, List<ObjectRef> objects) {
    }

    record ObjectRef(String id, String kind) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewManager(Integer ttlSeconds) {
    }

    /** A manager's list; its elements are any JSON (a record {@code ('Sam', 10)} is {@code ["Sam", 10]}). */
    record ListView(String id, List<JsonNode> values) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewList(List<JsonNode> values) {
    }

    record ListElement(JsonNode value) {
    }

    record ListLength(int length) {
    }
}
