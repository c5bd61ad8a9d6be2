package io.mpensemble.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the Dockerfile's runtime stage does, done here with the same commands on each service's jar: the jar
 * extracted, the AOT training run as written there (with the image's {@code JAVA_TOOL_OPTIONS}) must leave a cache,
 * and the ENTRYPOINT's JVM must be able to use it ({@code -XX:AOTMode=on} refuses to start otherwise). No Docker
 * engine runs here, so this is as close to the image as the build can get.
 */
class DockerfileTest {

    static final String DOCKERFILE = Repo.read("Dockerfile");

    /** The runtime stage: everything after the last FROM. */
    static final String RUNTIME = DOCKERFILE.substring(DOCKERFILE.lastIndexOf("\nFROM "));

    @Test
    void theRuntimeRunsAsAnUnprivilegedUserOnAJdk25Image() {
        assertThat(RUNTIME).containsPattern("(?m)^FROM eclipse-temurin:25[.\\d_]*-jre\\s*$");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)\\s*$").matcher(RUNTIME);
        assertThat(user.find()).as("a USER in the runtime stage").isTrue();
        assertThat(user.group(1)).isNotIn("root", "0");
        // the training run writes into /app as that user: /app must be the user's before it runs
        assertThat(RUNTIME).containsPattern("install -d -o " + user.group(1) + " -g \\S+ /app");
        assertThat(RUNTIME.indexOf("install -d -o")).isLessThan(RUNTIME.indexOf("\nWORKDIR /app"));
        assertThat(RUNTIME).contains("RUN test -s /app/app.aot");
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "square-worker", "record-service", "printer-service" })
    void theTrainingRunLeavesAnAotCacheTheEntrypointStartsWith(String service, @TempDir Path work) throws Exception {
        Path jar = jar(service);
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25; this build runs on "
                + Runtime.version() + ", so the Dockerfile's training run was not tried");

        // the build stage: the jar, named app.jar, extracted into /app
        Files.copy(jar, work.resolve("app.jar"));
        Path app = work.resolve("app");
        Result extract = java(work, List.of("java", "-Djarmode=tools", "-jar", "app.jar", "extract", "--destination",
                app.toString()));
        assertThat(extract.exitCode()).as(extract.output()).isZero();

        // the runtime stage: its training run, word for word, /app being the folder above
        List<String> training = runJavaLines().stream().map(line -> inApp(line, app)).toList().getFirst();
        Result trained = java(app, training);
        assertThat(trained.exitCode()).as("the training run: %s", trained.output()).isZero();
        assertThat(app.resolve("app.aot")).as("the AOT cache: %s", trained.output()).isNotEmptyFile();

        // the ENTRYPOINT's JVM with that cache, told to refuse to start without it, stopping once the context is up
        List<String> entrypoint = new ArrayList<>(inApp(entrypoint(), app));
        entrypoint.addAll(1, List.of("-XX:AOTMode=on", "-Dspring.context.exit=onRefresh",
                "-Dspring.kafka.admin.auto-create=false"));
        Result started = java(app, entrypoint);
        assertThat(started.exitCode()).as("the service started with the AOT cache: %s", started.output()).isZero();
        assertThat(started.output()).contains("Starting ").doesNotContain("Unable to use AOT cache");
    }

    /** The runtime stage's {@code RUN java ...} commands, each split into words. */
    static List<List<String>> runJavaLines() {
        Matcher run = Pattern.compile("(?m)^RUN (java (?:[^\\n]*\\\\\\n)*[^\\n]*)$").matcher(RUNTIME);
        List<List<String>> lines = new ArrayList<>();
        while (run.find()) {
            lines.add(Arrays.asList(run.group(1).replace("\\\n", " ").trim().split("\\s+")));
        }
        assertThat(lines).as("a training run (RUN java ...) in the runtime stage").isNotEmpty();
        return lines;
    }

    static List<String> entrypoint() {
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])\\s*$").matcher(RUNTIME);
        assertThat(entrypoint.find()).as("an exec-form ENTRYPOINT").isTrue();
        List<String> words = new ArrayList<>();
        Repo.JSON.readTree(entrypoint.group(1)).forEach(word -> words.add(word.asString()));
        assertThat(words.getFirst()).isEqualTo("java");
        return words;
    }

    /** The image's JAVA_TOOL_OPTIONS, from the runtime stage's ENV. */
    static String javaToolOptions() {
        Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(RUNTIME);
        assertThat(options.find()).as("JAVA_TOOL_OPTIONS in the runtime stage").isTrue();
        return options.group(1);
    }

    private static List<String> inApp(List<String> words, Path app) {
        return words.stream().map(word -> word.replace("/app/", app + "/")).toList();
    }

    private static Path jar(String service) throws IOException {
        Path target = Repo.path(service + "/target");
        List<Path> jars;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            jars = files.filter(f -> f.getFileName().toString().matches(Pattern.quote(service) + "-[^/]*\\.jar")
                    && !f.getFileName().toString().endsWith("-plain.jar")).toList();
        }
        if (jars.isEmpty()) {
            String message = service + "'s jar is not built (./mvnw verify builds it before these checks run)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return jars.getFirst();
    }

    record Result(int exitCode, String output) {
    }

    private static Result java(Path directory, List<String> command) throws IOException, InterruptedException {
        List<String> resolved = new ArrayList<>(command);
        if (resolved.getFirst().equals("java")) {
            resolved.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        Path output = Files.createTempFile("dockerfile-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(resolved).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions());
            // nothing to connect to, and nothing found by accident on this machine's default ports
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
            builder.environment().put("REDIS_PORT", "9");
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new Result(-1, command + " took over 3 minutes: " + Files.readString(output));
            }
            return new Result(process.exitValue(), Files.readString(output));
        }
        finally {
            Files.deleteIfExists(output);
        }
    }
}
