package io.mpensemble.gateway.queue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.mpensemble.support.problem.EnsembleProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * {@code multiprocessing.Queue} over HTTP. A get writes its response itself: the item is acknowledged to Kafka only
 * once the response carrying it has been written and flushed (see {@link QueueGetter}).
 */
@RestController
@RequestMapping("/api/queues")
@Tag(name = "queues", description = "Named queues (multiprocessing.Queue, JoinableQueue), their items in Kafka")
record QueueController(Queues queues, QueueProperties properties) {

    @Operation(summary = "Queue(maxsize) or JoinableQueue(maxsize)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    QueueRequests.Description create(@RequestBody(required = false) QueueRequests.Create body) {
        QueueRequests.Create create = body == null ? new QueueRequests.Create(null, null, null) : body;
        String name = create.name() == null ? "q-" + UUID.randomUUID() : create.name();
        QueueState state = queues.create(name, create.maxsize() == null ? 0 : create.maxsize(),
                Boolean.TRUE.equals(create.joinable()));
        return new QueueRequests.Description(name, state.maxsize(), state.joinable(), state.closed(), 0);
    }

    @Operation(summary = "The queue's state and qsize()")
    @GetMapping("/{name}")
    QueueRequests.Description describe(@PathVariable String name) {
        QueueState state = queues.state(name);
        return new QueueRequests.Description(name, state.maxsize(), state.joinable(), state.closed(),
                queues.qsize(name));
    }

    @Operation(summary = "Removes the queue, its topics and its items")
    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        queues.delete(name);
    }

    @Operation(summary = "put(obj, block, timeout), or a batch of items in order: Full problem past the timeout")
    @PostMapping("/{name}/put")
    QueueRequests.PutAnswer put(@PathVariable String name, @RequestBody QueueRequests.Put put) {
        List<String> items = items(put);
        queues.put(name, producer(put.producer()), items, !Boolean.FALSE.equals(put.block()),
                seconds("timeout", put.timeout()));
        return new QueueRequests.PutAnswer(items.size());
    }

    @Operation(summary = "get(block, timeout): {\"item\": ...}, or the Empty problem past the timeout")
    @PostMapping("/{name}/get")
    void get(@PathVariable String name, @RequestParam(defaultValue = "true") boolean block,
            @RequestParam(required = false) Double timeout, HttpServletResponse response) {
        deliver(queues.get(name, block, seconds("timeout", timeout)), response);
    }

    @Operation(summary = "get_nowait(): {\"item\": ...}, or the Empty problem")
    @PostMapping("/{name}/get_nowait")
    void getNowait(@PathVariable String name, HttpServletResponse response) {
        deliver(queues.get(name, false, null), response);
    }

    @Operation(summary = "Gets up to max items as NDJSON, one item's JSON a line, until the queue is empty",
            description = "Without timeout: stops as soon as the queue is empty (get_nowait); with it: stops when no "
                    + "item came within that many seconds. Each item is acknowledged once its line is written.")
    @PostMapping("/{name}/drain")
    void drain(@PathVariable String name, @RequestParam(defaultValue = "1000") int max,
            @RequestParam(required = false) Double timeout, HttpServletResponse response) throws IOException {
        if (max < 1 || max > properties.maxBatch()) {
            throw EnsembleProblem.invalidField("max", "must be 1 to " + properties.maxBatch());
        }
        Duration wait = seconds("timeout", timeout);
        QueueGetter.Delivery delivery = queues.get(name, wait != null, wait, max);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_NDJSON_VALUE);
        OutputStream out = response.getOutputStream();
        int count = 0;
        while (delivery != null) {
            StringBuilder lines = new StringBuilder();
            delivery.items().forEach(item -> lines.append(item).append('\n'));
            if (!write(out, lines.toString(), delivery)) {
                return;
            }
            count += delivery.items().size();
            if (count >= max) {
                return;
            }
            try {
                delivery = queues.take(name, wait != null, wait, max - count);
            }
            catch (QueueProblem ex) {
                delivery = null; // Empty, or closed meanwhile: the stream ends
            }
        }
    }

    @GetMapping("/{name}/qsize")
    QueueRequests.Size qsize(@PathVariable String name) {
        return new QueueRequests.Size(queues.qsize(name));
    }

    @GetMapping("/{name}/empty")
    QueueRequests.Empty empty(@PathVariable String name) {
        return new QueueRequests.Empty(queues.qsize(name) == 0);
    }

    @GetMapping("/{name}/full")
    QueueRequests.Full full(@PathVariable String name) {
        return new QueueRequests.Full(queues.full(name));
    }

    @Operation(summary = "close(): afterwards put and get give the closed problem (ValueError)")
    @PostMapping("/{name}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void close(@PathVariable String name) {
        queues.close(name);
    }

    @Operation(summary = "JoinableQueue.task_done(): ValueError problem when called more often than items were put")
    @PostMapping("/{name}/task_done")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void taskDone(@PathVariable String name) {
        queues.taskDone(name);
    }

    @Operation(summary = "JoinableQueue.join(): waits until every item put has had its task_done(), up to timeout")
    @PostMapping("/{name}/join")
    QueueRequests.Joined join(@PathVariable String name, @RequestParam(required = false) Double timeout) {
        long unfinished = queues.join(name, seconds("timeout", timeout));
        return new QueueRequests.Joined(unfinished <= 0, Math.max(0, unfinished));
    }

    private void deliver(QueueGetter.Delivery delivery, HttpServletResponse response) {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try {
            write(response.getOutputStream(), "{\"item\":" + delivery.items().getFirst() + "}", delivery);
        }
        catch (IOException ex) {
            delivery.settle(0);
        }
    }

    /** Writes and flushes; settles the delivery by whether that worked: all its items, or none. */
    private static boolean write(OutputStream out, String text, QueueGetter.Delivery delivery) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            delivery.settle(delivery.items().size());
            return true;
        }
        catch (IOException | RuntimeException ex) {
            delivery.settle(0);
            return false;
        }
    }

    private List<String> items(QueueRequests.Put put) {
        if ((put.item() == null) == (put.items() == null)) {
            throw EnsembleProblem.invalidField("item", "give exactly one of 'item' (one item) and 'items' (a batch)");
        }
        List<JsonNode> nodes = put.item() != null ? List.of(put.item()) : put.items();
        if (nodes.isEmpty() || nodes.size() > properties.maxBatch()) {
            throw EnsembleProblem.invalidField("items", "must hold 1 to " + properties.maxBatch() + " items");
        }
        List<String> items = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String field = put.item() != null ? "item" : "items[" + i + "]";
            JsonNode node = nodes.get(i);
            String text = node == null ? "null" : node.toString();
            if (text.getBytes(StandardCharsets.UTF_8).length > properties.maxItemBytes()) {
                throw EnsembleProblem.invalidField(field, "an item is at most " + properties.maxItemBytes()
                        + " bytes of JSON");
            }
            items.add(text);
        }
        return items;
    }

    private static String producer(String producer) {
        if (producer != null && (producer.isEmpty() || producer.length() > 200)) {
            throw EnsembleProblem.invalidField("producer", "1 to 200 characters");
        }
        return producer;
    }

    private static Duration seconds(String field, Double seconds) {
        if (seconds == null) {
            return null;
        }
        if (seconds.isNaN() || seconds.isInfinite() || seconds < 0) {
            throw EnsembleProblem.invalidField(field, "'timeout' must be a non-negative number");
        }
        if (seconds > 86_400) {
            throw EnsembleProblem.invalidField(field, "at most 86400 seconds");
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
