package io.mpensemble.printerservice.pipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.mpensemble.support.problem.ProblemType;
import io.mpensemble.pipes.PipeEnd;
import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.support.python.PyRepr;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * p2 of the pipe program, the receiver:
 *
 * <pre>
 * def receiver(conn):
 *     while True:
 *         msg = conn.recv()          # EOFError ends it too
 *         if msg == "END":
 *             break
 *         print("Received the message: {}".format(msg))
 * </pre>
 *
 * <p>After "END" it goes on reading, printing nothing, until the sender closes its end: Python's sender never waits on
 * a receiver that stopped reading (its messages sit in the OS pipe), and neither may this one's.
 */
public final class MessageReceiver {

    /** Reads Python's inf and nan, which the sender writes as bare {@code Infinity} and {@code NaN}. */
    private final JsonMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /**
     * The lines p2 prints for what arrives on {@code conn}.
     *
     * @param wait how long one recv waits for the next message before giving up
     */
    public List<String> receive(PipeEnd conn, Duration wait) {
        List<String> lines = new ArrayList<>();
        try {
            while (true) {
                JsonNode message = json.readTree(conn.recv(wait));
                if (message.isString() && message.stringValue().equals("END")) {
                    break;
                }
                lines.add("Received the message: " + PyRepr.str(message));
            }
            while (true) {
                conn.recvMessage(wait); // after END: what still comes is read and dropped, until EOF
            }
        }
        catch (PipeProblem ended) {
            if (!ended.type().equals(ProblemType.EOF)) {
                throw ended;
            }
        }
        return lines;
    }
}
