package io.mpensemble.gateway.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mpensemble.support.problem.ProblemType;
import io.mpensemble.pipes.PipeProblem;
import io.mpensemble.support.problem.EnsembleProblem;

/** An NDJSON body's lines, read within the message size limit, strictly as UTF-8. */
class NdjsonLinesTest {

    @Test
    void linesEndWithANewlineOrTheBodyAndLoseATrailingCarriageReturn() throws IOException {
        assertThat(lines("1\n\"é\"\r\n\n[2]", 100)).containsExactly("1", "\"é\"", "", "[2]");
        assertThat(lines("1\n", 100)).containsExactly("1");
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void aLineOfExactlyTheLimitPassesAndOneByteMoreDoesNot() throws IOException {
        assertThat(lines("1234\n5", 4)).containsExactly("1234", "5");
        NdjsonLines lines = new NdjsonLines(body("1\n12345\n"), 4);
        assertThat(lines.next(0)).isEqualTo("1");
        assertThatThrownBy(() -> lines.next(1)).isInstanceOfSatisfying(PipeProblem.class, p -> {
            assertThat(p.type()).isEqualTo(ProblemType.LIMIT_EXCEEDED);
            assertThat(p.getMessage()).contains("line 2", "1 messages before it were sent", "4 bytes");
        });
    }

    /** A line without end is refused after a bounded read: it is never held in memory as a whole. */
    @Test
    void anEndlessLineIsRefusedAfterTheLimitIsRead() {
        long[] read = new long[1];
        InputStream endless = new InputStream() {

            @Override
            public int read() {
                read[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                read[0] += len;
                return len;
            }
        };
        int max = 1024 * 1024;
        assertThatThrownBy(() -> new NdjsonLines(endless, max).next(0)).isInstanceOfSatisfying(PipeProblem.class,
                p -> assertThat(p.getMessage()).contains("line 1"));
        assertThat(read[0]).as("bytes read before the refusal").isLessThanOrEqualTo(max + 64 * 1024);
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedNamingIt() throws IOException {
        byte[] body = { '"', 'a', '"', '\n', '"', (byte) 0xff, '"', '\n' };
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(body), 100);
        assertThat(lines.next(0)).isEqualTo("\"a\"");
        assertThatThrownBy(() -> lines.next(1)).isInstanceOfSatisfying(EnsembleProblem.class,
                p -> assertThat(p.getMessage()).contains("line 2", "UTF-8"));
        // an encoded surrogate (CESU-8) and an overlong encoding are not UTF-8 either
        for (byte[] bad : List.of(new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 },
                new byte[] { (byte) 0xc0, (byte) 0xaf })) {
            assertThatThrownBy(() -> new NdjsonLines(new ByteArrayInputStream(bad), 100).next(0))
                    .isInstanceOf(EnsembleProblem.class);
        }
    }

    private static List<String> lines(String body, long max) throws IOException {
        NdjsonLines lines = new NdjsonLines(body(body), max);
        List<String> all = new ArrayList<>();
        for (String line = lines.next(0); line != null; line = lines.next(0)) {
            all.add(line);
        }
        return all;
    }

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
