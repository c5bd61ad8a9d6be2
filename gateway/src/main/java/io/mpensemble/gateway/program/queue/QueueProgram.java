package io.mpensemble.gateway.program.queue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.mpensemble.api.programs.QueueSquareListRequest;
import io.mpensemble.support.python.PyRepr;
import io.mpensemble.gateway.program.Transcript;
import io.mpensemble.gateway.program.isolation.IsolationProgram;
import io.mpensemble.gateway.queue.QueueGetter;
import io.mpensemble.gateway.queue.Queues;
import io.mpensemble.gateway.squareworker.SquareWorkerClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tutorial's fourth program: p1 (square-worker) puts each square into a fresh queue (a Kafka topic); the main
 * program (this gateway) waits for p1, then gets every item and prints it.
 *
 * <pre>
 * q = multiprocessing.Queue()
 * p1 = multiprocessing.Process(target=square_list, args=(mylist, q))
 * p1.start(); p1.join()
 * print("Queue elements:")
 * while not q.empty():
 *     print(q.get())
 * print("Queue is now empty!")
 * </pre>
 */
@Component
public class QueueProgram {

    /** How long the main program waits for an item p1 has put (Kafka hands it over within milliseconds). */
    static final Duration GET_TIMEOUT = Duration.ofSeconds(30);

    private final Queues queues;
    private final SquareWorkerClient squareWorker;
    private final JsonMapper json = JsonMapper.builder().build();

    public QueueProgram(Queues queues, SquareWorkerClient squareWorker) {
        this.queues = queues;
        this.squareWorker = squareWorker;
    }

    public String run(List<BigInteger> numbers) {
        List<BigInteger> mylist = numbers == null ? IsolationProgram.TUTORIAL_NUMBERS : numbers;
        String q = "program-" + UUID.randomUUID().toString().replace("-", "");
        queues.create(q, 0, false);
        try {
            squareWorker.squareListIntoQueue(new QueueSquareListRequest(mylist, q));
            Transcript transcript = new Transcript().print("Queue elements:");
            // q.empty() right after p1.join() is racy in Python too; p1 put exactly one item per number.
            for (int i = 0; i < mylist.size(); i++) {
                QueueGetter.Delivery item = queues.get(q, true, GET_TIMEOUT);
                transcript.print(PyRepr.of(json.readTree(item.items().getFirst())));
                item.settle(1);
            }
            return transcript.print("Queue is now empty!").toString();
        }
        finally {
            queues.delete(q);
        }
    }
}
