package io.mpensemble.gateway.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole ensemble as {@code ./ensemble} runs it: Kafka, Redis and the four services as separate processes, here
 * on free ports and with their state under {@code target/}, so a developer's own running ensemble is left alone.
 */
final class Ensemble {

    static final List<String> PROCESSES = List.of("redis", "kafka", "record-service", "square-worker",
            "printer-service", "gateway");

    private static Ensemble shared;

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, Long> pidsAtStart = new LinkedHashMap<>();

    /**
     * The one ensemble the end-to-end classes share, started by the first that asks; {@link EnsembleLifecycleIT},
     * which runs last, stops it, and a shutdown hook makes sure nothing outlives the test JVM.
     */
    static synchronized Ensemble shared() throws IOException, InterruptedException {
        if (shared == null) {
            Path root = Path.of(System.getProperty("ensemble.root", "..")).toAbsolutePath().normalize();
            Path home = root.resolve("gateway/target/ensemble-it");
            org.springframework.util.FileSystemUtils.deleteRecursively(home);
            Ensemble ensemble = new Ensemble(root, home);
            Result up = ensemble.run("up");
            if (up.exitCode() != 0) {
                ensemble.run("down");
                throw new IllegalStateException("./ensemble up failed:\n" + up.output());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    ensemble.run("down");
                }
                catch (IOException | InterruptedException ex) {
                    // the JVM is going; nothing more can be done
                }
            }));
            ensemble.upOutput = up.output();
            for (String process : PROCESSES) {
                ensemble.pidsAtStart.put(process, ensemble.recordedPid(process));
            }
            shared = ensemble;
        }
        return shared;
    }

    private String upOutput;

    /** What the first {@code ./ensemble up} printed. */
    String upOutput() {
        return upOutput;
    }

    /**
     * Runs {@code ./ensemble restart PROCESSES}: they stop and start again, the rest keep running; their new pids
     * replace the ones {@link #pidsAtStart()} recorded.
     */
    Result restart(String... processes) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("restart"));
        args.addAll(List.of(processes));
        Result restarted = run(args.toArray(String[]::new));
        if (restarted.exitCode() != 0) {
            throw new IllegalStateException("./ensemble restart failed:\n" + restarted.output());
        }
        for (String process : processes) {
            pidsAtStart.put(process, recordedPid(process));
        }
        return restarted;
    }

    /** The pid each process had when the ensemble came up (or was last restarted). */
    Map<String, Long> pidsAtStart() {
        return pidsAtStart;
    }

    Path root() {
        return root;
    }

    /** The environment {@code ./ensemble} ran with: the ports, so another process can join the ensemble. */
    Map<String, String> env() {
        return env;
    }

    Ensemble(Path root, Path home) {
        this.root = root;
        this.home = home;
        var ports = new java.util.HashSet<Integer>();
        for (String variable : List.of("GATEWAY_PORT", "SQUARE_WORKER_PORT", "RECORD_SERVICE_PORT",
                "PRINTER_SERVICE_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "REDIS_PORT")) {
            int port = freePort();
            while (!ports.add(port)) {
                // the kernel may hand out a just-closed port again: every process needs its own
                port = freePort();
            }
            env.put(variable, String.valueOf(port));
        }
        env.put("ENSEMBLE_HOME", home.toString());
        // The jars were just built by this very Maven run; never rebuild from inside it.
        env.put("ENSEMBLE_BUILD", "never");
        env.put("JAVA_HOME", System.getProperty("java.home"));
    }

    /** Runs {@code ./ensemble ARGS} and returns its exit code and everything it printed. */
    Result run(String... args) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Path output = Files.createTempFile(home, "ensemble-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./ensemble " + String.join(" ", args) + " took over 5 minutes:\n"
                    + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private List<String> command(String... args) {
        var command = new java.util.ArrayList<String>();
        command.add(root.resolve("ensemble").toString());
        command.addAll(List.of(args));
        return command;
    }

    int port(String variable) {
        return Integer.parseInt(env.get(variable));
    }

    List<Integer> ports() {
        return env.entrySet().stream().filter(e -> e.getKey().endsWith("_PORT"))
                .map(e -> Integer.parseInt(e.getValue())).toList();
    }

    /** The pid {@code ./ensemble} recorded for a process, or -1. */
    long recordedPid(String process) throws IOException {
        Path file = home.resolve("run").resolve(process + ".pid");
        return Files.exists(file) ? Long.parseLong(Files.readString(file).trim().split("\\s+")[0]) : -1;
    }

    String log(String process) throws IOException {
        Path file = home.resolve("logs").resolve(process + ".log");
        return Files.exists(file) ? Files.readString(file) : "(no log)";
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    record Result(int exitCode, String output) {
    }
}
