package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every Grafana dashboard panel (deploy/grafana/dashboards) against a real Prometheus scraping the real running
 * ensemble every second, after a short workload through all five programs, square jobs, a named queue and a lock
 * held by another: each query must parse, return at least one series, and use only labels its metrics have. A panel
 * that would show "No data" on a working ensemble fails the build.
 *
 * <p>Needs {@code prometheus} on PATH (Debian's prometheus package; .ci/run installs it): missing, the test fails
 * under CI ({@code CI} set) and is skipped otherwise.
 */
@Order(90)
class DashboardQueriesIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Ensemble ensemble;
    static Process prometheus;
    static String prometheusUrl;
    static Path home;

    @BeforeAll
    static void prometheusScrapingTheEnsemble() throws Exception {
        Path binary = onPath("prometheus");
        if (binary == null) {
            String message = "prometheus is not on PATH, so the dashboards' queries were not run "
                    + "(install Debian's prometheus package; .ci/run does)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        ensemble = Ensemble.shared();
        home = ensemble.root().resolve("gateway/target/dashboard-prometheus");
        org.springframework.util.FileSystemUtils.deleteRecursively(home);
        Files.createDirectories(home);
        StringBuilder targets = new StringBuilder();
        for (String port : List.of("GATEWAY_PORT", "SQUARE_WORKER_PORT", "RECORD_SERVICE_PORT",
                "PRINTER_SERVICE_PORT")) {
            targets.append(targets.isEmpty() ? "" : ", ").append("\"localhost:").append(ensemble.port(port))
                .append('"');
        }
        Files.writeString(home.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: mp-ensemble
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(targets));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        prometheusUrl = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + home.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true).redirectOutput(home.resolve("prometheus.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ready()) {
            assertThat(prometheus.isAlive()).as("prometheus: %s", log()).isTrue();
            assertThat(System.nanoTime()).as("prometheus ready within 60 s: %s", log()).isLessThan(deadline);
            Thread.sleep(250);
        }
        // Every service scraped before the workload, as on a running ensemble: a rate needs a sample from before the
        // counters moved.
        JsonNode up = query("up == 1");
        while (up.path("data").path("result").size() < 4) {
            assertThat(System.nanoTime()).as("every service scraped within 60 s: %s", up).isLessThan(deadline);
            Thread.sleep(250);
            up = query("up == 1");
        }
        Thread.sleep(1_500);
        awaitTheEnsembleServes(deadline + TimeUnit.SECONDS.toNanos(120));
        workload();
        // every target scraped several times since the workload (and record-service's 5 s object count refreshed)
        Thread.sleep(7_000);
        up = query("up == 1");
        assertThat(up.path("data").path("result").size()).as("every service scraped: %s", up).isEqualTo(4);
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Panels that rightly show zero on a healthy ensemble after the workload. Every other panel must show a value
     * other than zero: a meter registered at zero but never counted (broken instrumentation) fails too.
     */
    static final Set<String> ZERO_WHEN_HEALTHY = Set.of("Error rate (5xx)", "Broken pipes", "Transaction aborts",
            "Consumer lag");

    @Test
    void everyPanelQueryParsesAndReturnsDataWithLabelsItsMetricsHave() throws Exception {
        List<String> failures = new ArrayList<>();
        int queries = 0;
        Path dashboards = ensemble.root().resolve("deploy/grafana/dashboards");
        List<Path> files;
        try (Stream<Path> list = Files.list(dashboards)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(4);
        for (Path file : files) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries++;
                    String where = dashboard.path("title").asString() + " / " + panel.path("title").asString() + " / "
                            + target.path("refId").asString();
                    String expr = substitute(target.path("expr").asString());
                    String problem = problem(expr, !ZERO_WHEN_HEALTHY.contains(panel.path("title").asString()));
                    if (problem != null) {
                        failures.add(where + ": " + expr + "\n    " + problem);
                    }
                }
            }
        }
        System.out.printf("DashboardQueriesIT: %d queries run, %d failed%n", queries, failures.size());
        assertThat(failures).as("panels that show no data or fail on a working ensemble").isEmpty();
        assertThat(queries).isGreaterThan(30);
    }

    /** A dashboard variable's {@code label_values(metric, label)} offers at least one value to pick. */
    @Test
    void everyDashboardVariableHasValuesToPick() throws Exception {
        int variables = 0;
        try (Stream<Path> list = Files.list(ensemble.root().resolve("deploy/grafana/dashboards"))) {
            for (Path file : list.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    JsonNode query = variable.path("query");
                    String text = query.isObject() ? query.path("query").asString() : query.asString();
                    Matcher values = Pattern.compile("label_values\\((\\w+),\\s*(\\w+)\\)").matcher(text);
                    assertThat(values.matches()).as("%s: variable %s is a label_values query", file, variable)
                        .isTrue();
                    JsonNode answer = query("count by (" + values.group(2) + ") (" + values.group(1) + "{"
                            + values.group(2) + "!=\"\"})");
                    assertThat(answer.path("data").path("result").size())
                        .as("%s: values of $%s", file.getFileName(), variable.path("name").asString())
                        .isPositive();
                    variables++;
                }
            }
        }
        assertThat(variables).isGreaterThanOrEqualTo(2);
    }

    /** Grafana's variables as a viewer who picked "All" sees them. */
    static String substitute(String expr) {
        return expr.replace("$__rate_interval", "1m").replace("${__rate_interval}", "1m")
            .replace("$__interval", "15s").replaceAll("\\$\\{?(application|queue)}?", ".+");
    }

    /** What is wrong with a query on this ensemble, or null. */
    static String problem(String expr, boolean nonZero) throws IOException, InterruptedException {
        JsonNode answer = query(expr);
        if (!"success".equals(answer.path("status").asString())) {
            return "does not run: " + answer.path("errorType").asString() + " " + answer.path("error").asString();
        }
        if (answer.path("data").path("result").isEmpty()) {
            return "no series";
        }
        if (nonZero && answer.path("data").path("result").valueStream().map(series -> series.path("value").get(1)
                .asString()).noneMatch(value -> !value.equals("NaN") && Double.parseDouble(value) != 0)) {
            return "only zeros after a workload that drives it: " + answer.path("data").path("result");
        }
        for (String metric : metrics(expr)) {
            for (String label : matcherLabels(expr, metric)) {
                if (seriesWithLabel(List.of(metric), label) == 0) {
                    return metric + " has no label " + label;
                }
            }
        }
        Matcher by = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)").matcher(expr);
        while (by.find()) {
            for (String label : by.group(1).split(",")) {
                label = label.trim();
                if (!label.isEmpty() && !label.equals("le") && seriesWithLabel(metrics(expr), label) == 0) {
                    return "none of " + metrics(expr) + " has the label " + label + " it is grouped by";
                }
            }
        }
        return null;
    }

    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate",
            "increase", "by", "without", "histogram_quantile", "or", "and", "unless", "on", "ignoring", "group_left",
            "group_right", "vector", "bool", "offset", "abs", "clamp_min", "clamp_max", "topk", "bottomk");

    /** The metric names an expression selects. */
    static List<String> metrics(String expr) {
        Set<String> names = new LinkedHashSet<>();
        Matcher name = Pattern.compile("(?<![\\w\"{=~,.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?=\\{|\\[|\\)|$|\\s)")
            .matcher(expr.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\b(?:by|without)\\s*\\([^)]*\\)", ""));
        while (name.find()) {
            String found = name.group(1);
            if (!PROMQL_WORDS.contains(found) && !found.matches("\\d.*")) {
                names.add(found);
            }
        }
        return List.copyOf(names);
    }

    /** The labels the selectors of METRIC in an expression match on. */
    static Set<String> matcherLabels(String expr, String metric) {
        Set<String> labels = new LinkedHashSet<>();
        Matcher selector = Pattern.compile("\\b" + Pattern.quote(metric) + "\\{([^}]*)}").matcher(expr);
        while (selector.find()) {
            Matcher label = Pattern.compile("(\\w+)\\s*(?:=~|!~|!=|=)\\s*\"").matcher(selector.group(1));
            while (label.find()) {
                labels.add(label.group(1));
            }
        }
        return labels;
    }

    static int seriesWithLabel(List<String> metrics, String label) throws IOException, InterruptedException {
        JsonNode answer = query("count({__name__=~\"" + String.join("|", metrics) + "\", " + label + "!=\"\"})");
        return answer.path("data").path("result").size();
    }

    static JsonNode query(String expr) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl
                + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /**
     * Waits, as a client would before its work, until the ensemble serves: every service's readiness answers 200 and
     * the gateway takes a queue's and a square job's whole round trip through Kafka. The classes before this one
     * restart the broker (QueueDurabilityIT, just before); for a while after, the gateway's first Kafka calls can
     * outlast its 10 s budget and it answers 503 while its readiness says UP, which failed this workload's square job
     * on CI. Only 503 is waited out here; the workload itself still expects every answer right the first time.
     */
    static void awaitTheEnsembleServes(long deadline) throws Exception {
        for (String port : List.of("GATEWAY_PORT", "SQUARE_WORKER_PORT", "RECORD_SERVICE_PORT",
                "PRINTER_SERVICE_PORT")) {
            String readiness = "http://localhost:" + ensemble.port(port) + "/actuator/health/readiness";
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(readiness)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            while (ready.statusCode() != 200) {
                assertThat(ready.statusCode()).as("%s: %s", readiness, ready.body()).isEqualTo(503);
                assertThat(System.nanoTime()).as("%s ready: %s", readiness, ready.body()).isLessThan(deadline);
                Thread.sleep(500);
                ready = HTTP.send(HttpRequest.newBuilder(URI.create(readiness)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }
        String gateway = "http://localhost:" + ensemble.port("GATEWAY_PORT");
        String queue = "warm-up-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> unavailable = new ArrayList<>();
        sendOnceServing(gateway + "/api/queues", "{\"name\": \"" + queue + "\"}", 201, unavailable, deadline);
        send(gateway + "/api/queues/" + queue + "/put", "{\"items\": [1]}", 200);
        send(gateway + "/api/queues/" + queue + "/get?timeout=10", null, 200);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/queues/" + queue)).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
        String job = JSON.readTree(sendOnceServing(gateway + "/api/square-jobs", "{\"numbers\": [1]}", 201,
                unavailable, deadline)).path("id").asString();
        while (!JSON.readTree(get(gateway + "/api/square-jobs/" + job)).path("done").asBoolean()) {
            assertThat(System.nanoTime()).as("the warm-up square job done").isLessThan(deadline);
            Thread.sleep(200);
        }
        if (!unavailable.isEmpty()) {
            System.out.printf("DashboardQueriesIT: the gateway answered 503 %d times before it served: %s%n",
                    unavailable.size(), unavailable);
        }
    }

    /** POSTs until the answer is other than 503, which must then be the expected one. */
    static String sendOnceServing(String url, String json, int expected, List<String> unavailable, long deadline)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(Programs.post(url, json), HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 503) {
            unavailable.add(response.body());
            assertThat(System.nanoTime()).as("POST %s served: %s", url, unavailable).isLessThan(deadline);
            Thread.sleep(1_000);
            response = HTTP.send(Programs.post(url, json), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isEqualTo(expected);
        return response.body();
    }

    /** A short run through everything the dashboards show. */
    static void workload() throws Exception {
        Programs programs = new Programs(ensemble);
        for (String program : List.of("isolation", "shared-memory", "manager", "queue", "pipe")) {
            HttpResponse<String> response = programs.run(program, null);
            assertThat(response.statusCode()).as("%s: %s", program, response.body()).isEqualTo(200);
        }

        String gateway = "http://localhost:" + ensemble.port("GATEWAY_PORT");
        String job = JSON.readTree(send(gateway + "/api/square-jobs", "{\"numbers\": [1, 2, 3, 4, 5, 6, 7, 8]}",
                201)).path("id").asString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!JSON.readTree(get(gateway + "/api/square-jobs/" + job)).path("done").asBoolean()) {
            assertThat(System.nanoTime()).as("square job done within 60 s").isLessThan(deadline);
            Thread.sleep(200);
        }

        // a named queue that stays: a getter first (so the share group starts before the items), puts, a get; the
        // puts after the queue has been scraped once, as a queue's first puts usually come
        String queue = "dashboards-" + UUID.randomUUID().toString().substring(0, 8);
        send(gateway + "/api/queues", "{\"name\": \"" + queue + "\"}", 201);
        send(gateway + "/api/queues/" + queue + "/get?timeout=0.5", null, 409);
        Thread.sleep(2_000);
        // a second 4xx of the same kind: a rate needs a series to grow, not to appear
        send(gateway + "/api/queues/" + queue + "/get?timeout=0.5", null, 409);
        send(gateway + "/api/queues/" + queue + "/put", "{\"items\": [1, 2, 3]}", 200);
        send(gateway + "/api/queues/" + queue + "/get?timeout=10", null, 200);

        // a lock acquire that finds the lock held, and a manager session with objects that stays open
        String records = "http://localhost:" + ensemble.port("RECORD_SERVICE_PORT");
        String value = JSON.readTree(send(records + "/api/values", "{\"typecode\": \"i\", \"value\": 1}", 201))
            .path("id").asString();
        send(records + "/api/values/" + value + "/lock", "{}", 200);
        send(records + "/api/values/" + value + "/lock", "{\"timeoutMs\": 100}", 409);
        String session = JSON.readTree(send(records + "/api/managers", "{}", 201)).path("id").asString();
        send(records + "/api/managers/" + session + "/lists", "{\"values\": [1]}", 201);
        send(records + "/api/managers/" + session + "/dicts", "{\"entries\": {\"a\": 1}}", 201);

        // a pipe left open, for the open-pipes panel
        send(gateway + "/api/pipes", null, 201);
    }

    static String send(String url, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(Programs.post(url, json), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isEqualTo(expected);
        return response.body();
    }

    static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
            .body();
    }

    static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(prometheusUrl + "/-/ready")).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException | InterruptedException ex) {
            return false;
        }
    }

    static String log() {
        try {
            return Files.readString(home.resolve("prometheus.log"));
        }
        catch (IOException ex) {
            return "(no log)";
        }
    }

    static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
