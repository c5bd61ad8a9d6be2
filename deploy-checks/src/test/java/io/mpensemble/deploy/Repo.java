package io.mpensemble.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The repository these checks read: its files, and what the services' own configuration says. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The four services, each with the variable that sets its port. */
    static final Map<String, String> SERVICES = Map.of("gateway", "GATEWAY_PORT", "square-worker",
            "SQUARE_WORKER_PORT", "record-service", "RECORD_SERVICE_PORT", "printer-service", "PRINTER_SERVICE_PORT");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");

    private Repo() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static JsonNode yaml(String relative) {
        return YAML.readTree(read(relative));
    }

    static JsonNode json(String relative) {
        return JSON.readTree(read(relative));
    }

    /** The environment variables a service's application.yaml reads, with their defaults. */
    static Map<String, String> variables(String service) {
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(read(service + "/src/main/resources/application.yaml"));
        while (placeholder.find()) {
            variables.put(placeholder.group(1), placeholder.group(2));
        }
        return variables;
    }

    /** The port a service listens on by default, from its application.yaml. */
    static int port(String service) {
        return Integer.parseInt(variables(service).get(SERVICES.get(service)));
    }

    /** The Kafka version of our clients: {@code kafka.version} in the parent pom. */
    static String kafkaVersion() {
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(read("pom.xml"));
        if (!version.find()) {
            throw new IllegalStateException("no kafka.version in pom.xml");
        }
        return version.group(1);
    }

    /** The project's version, the tag of the services' images. */
    static String projectVersion() {
        Matcher version = Pattern.compile("</modelVersion>\\s*<parent>.*?</parent>.*?<version>([^<]+)</version>",
                Pattern.DOTALL).matcher(read("pom.xml"));
        if (!version.find()) {
            throw new IllegalStateException("no version in pom.xml");
        }
        return version.group(1);
    }

    /** A command on PATH, or null. */
    static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    record Run(int exitCode, String output) {
    }

    /** Runs a command in the repository's root; its output is stdout and stderr together. */
    static Run run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("deploy-checks-", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " took over 2 minutes");
            }
            return new Run(process.exitValue(), Files.readString(output));
        }
        finally {
            Files.deleteIfExists(output);
        }
    }
}
