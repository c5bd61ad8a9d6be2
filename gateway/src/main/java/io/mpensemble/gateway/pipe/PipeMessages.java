package io.mpensemble.gateway.pipe;

import java.io.IOException;
import java.io.InputStream;

import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.support.problem.EnsembleProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client sends into a pipe: one JSON value (checked, and written compactly on one line, so that it comes out
 * as one NDJSON line), or bytes, each within the message size limit. Numbers keep their digits: {@code 1.0} stays a
 * float, as Python's {@code json.loads} reads it.
 */
final class PipeMessages {

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private final long maxBytes;

    PipeMessages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body as one JSON message. */
    String one(InputStream body) throws IOException {
        byte[] bytes = bytes(body);
        JsonNode node;
        try {
            node = json.readTree(bytes);
        }
        catch (JacksonException ex) {
            throw EnsembleProblem.invalidField("body", "not one JSON value: " + ex.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw EnsembleProblem.invalidField("body", "not one JSON value: the body is empty");
        }
        return node.toString();
    }

    long maxBytes() {
        return maxBytes;
    }

    /** One NDJSON line (read within the size limit, see {@link NdjsonLines}) as a message. */
    String line(String line, long number, long sentBefore) {
        try {
            JsonNode node = json.readTree(line);
            return node.toString();
        }
        catch (JacksonException ex) {
            EnsembleProblem problem = EnsembleProblem.invalidField("line " + number, "not a JSON value (" + sentBefore
                    + " messages before it were sent): " + ex.getOriginalMessage());
            throw problem;
        }
    }

    /** The body's bytes, at most the message size limit. */
    byte[] bytes(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 64, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw PipeProblem.tooLong("body", bytes.length, maxBytes);
        }
        return bytes;
    }

}
