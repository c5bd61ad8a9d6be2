package io.mpensemble.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code promtool check config} on every Prometheus configuration a deployment runs: each file under
 * deploy/prometheus, each file docker-compose.yml mounts into its Prometheus, and each file a k8s/ overlay generates
 * the ConfigMap its Prometheus mounts from. Debian's prometheus package has promtool (.ci/run installs it); without
 * it these checks fail when CI is set and are skipped otherwise.
 *
 * <p>Debian builds Prometheus without Kubernetes service discovery, so its promtool rejects
 * {@code kubernetes_sd_configs} as an unknown field. With such a promtool, each {@code kubernetes_sd_configs} entry is
 * checked here against the fields Prometheus documents for it, and promtool checks the rest of the file (global
 * settings, jobs, relabelling rules and their regexes) with that block taken out.
 */
class PrometheusConfigTest {

    /** The configurations the deployments run, as paths from the repository's root. */
    static List<String> configurations() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(Repo.path("deploy/prometheus"))) {
            list.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                .forEach(f -> files.add(Repo.ROOT.relativize(f).toString()));
        }
        files.addAll(composeMounts());
        files.addAll(kubernetesConfigMapFiles());
        return List.copyOf(files);
    }

    /** Host files docker-compose.yml mounts into a Prometheus container. */
    static List<String> composeMounts() {
        List<String> mounted = new ArrayList<>();
        Repo.yaml("docker-compose.yml").path("services").properties().forEach(service -> {
            if (!service.getValue().path("image").asString("").startsWith("prom/prometheus:")) {
                return;
            }
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.isString() ? volume.asString().split(":")[0] : volume.path("source").asString("");
                if (source.startsWith("./")) {
                    mounted.add(Path.of(source).normalize().toString());
                }
            }
        });
        return mounted;
    }

    /**
     * Files each k8s/ overlay generates a ConfigMap from that a Prometheus container (image prom/prometheus) mounts:
     * the overlay's own resource files are read for the container and its volumes, its kustomization for the
     * generator.
     */
    static List<String> kubernetesConfigMapFiles() throws IOException {
        List<String> files = new ArrayList<>();
        List<Path> overlays;
        try (Stream<Path> list = Files.list(Repo.path("k8s/overlays"))) {
            overlays = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path overlay : overlays) {
            JsonNode kustomization = Repo.YAML.readTree(overlay.resolve("kustomization.yaml").toFile());
            Set<String> mountedMaps = new TreeSet<>();
            for (JsonNode resource : kustomization.path("resources")) {
                Path file = overlay.resolve(resource.asString()).normalize();
                if (!Files.isRegularFile(file)) {
                    continue; // a folder (the base), which runs no Prometheus
                }
                for (String document : Files.readString(file).split("(?m)^---\\s*$")) {
                    JsonNode object = document.isBlank() ? null : Repo.YAML.readTree(document);
                    if (object != null) {
                        mountedMaps.addAll(prometheusConfigMaps(object.path("spec").path("template").path("spec")));
                    }
                }
            }
            for (JsonNode generator : kustomization.path("configMapGenerator")) {
                if (mountedMaps.contains(generator.path("name").asString())) {
                    for (JsonNode entry : generator.path("files")) {
                        String path = entry.asString();
                        path = path.substring(path.indexOf('=') + 1); // "key=path" names the key
                        files.add(Repo.ROOT.relativize(overlay.resolve(path).normalize()).toString());
                    }
                }
            }
        }
        return files;
    }

    /** The ConfigMaps a pod spec's Prometheus containers mount. */
    private static Set<String> prometheusConfigMaps(JsonNode pod) {
        Set<String> maps = new TreeSet<>();
        for (JsonNode container : pod.path("containers")) {
            if (!container.path("image").asString("").startsWith("prom/prometheus:")) {
                continue;
            }
            for (JsonNode mount : container.path("volumeMounts")) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asString().equals(mount.path("name").asString())
                            && volume.has("configMap")) {
                        maps.add(volume.path("configMap").path("name").asString());
                    }
                }
            }
        }
        return maps;
    }

    @Test
    void theConfigurationsCheckedAreTheOnesComposeAndKubernetesRun() throws Exception {
        assertThat(composeMounts()).containsExactly("deploy/prometheus/prometheus.yml");
        assertThat(kubernetesConfigMapFiles()).containsExactly("k8s/overlays/laptop/prometheus.yml");
        assertThat(configurations()).containsExactly("deploy/prometheus/prometheus.yml",
                "k8s/overlays/laptop/prometheus.yml");
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void promtoolAcceptsIt(String file) throws Exception {
        Repo.Run check = promtool(Repo.path(file));
        if (check.exitCode() != 0 && lacksKubernetesDiscovery(check)) {
            JsonNode config = Repo.yaml(file);
            assertThat(kubernetesDiscoveryProblems(config)).as("%s: kubernetes_sd_configs", file).isEmpty();
            Path rest = Files.createTempFile("prometheus-", ".yml");
            try {
                Files.writeString(rest, Repo.YAML.writeValueAsString(withoutKubernetesDiscovery(config)));
                check = promtool(rest);
            }
            finally {
                Files.delete(rest);
            }
            System.out.println(file + ": this promtool is built without Kubernetes service discovery (Debian's is): "
                    + "its kubernetes_sd_configs were checked field by field, the rest by promtool");
        }
        assertThat(check.exitCode()).as("promtool check config %s:%n%s", file, check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void promtoolCatchesAMistake() throws Exception {
        Path broken = Files.createTempFile("prometheus-", ".yml");
        try {
            Files.writeString(broken, "scrape_configs:\n  - job_name: x\n    scrape_intervall: 5s\n");
            Repo.Run check = promtool(broken);
            assertThat(check.exitCode()).as(check.output()).isNotZero();
        }
        finally {
            Files.delete(broken);
        }
    }

    @Test
    void theKubernetesDiscoveryCheckCatchesAMistake() {
        JsonNode misspelled = Repo.YAML.readTree("""
                scrape_configs:
                  - job_name: x
                    kubernetes_sd_configs:
                      - role: pod
                        namespace:
                          names: [mp-ensemble]
                """);
        assertThat(kubernetesDiscoveryProblems(misspelled)).singleElement().asString().contains("namespace");
        JsonNode badRole = Repo.YAML.readTree("""
                scrape_configs:
                  - job_name: x
                    kubernetes_sd_configs:
                      - role: pods
                """);
        assertThat(kubernetesDiscoveryProblems(badRole)).singleElement().asString().contains("pods");
    }

    /** The fields of a {@code kubernetes_sd_config} (Prometheus's configuration reference), HTTP client's included. */
    static final Set<String> KUBERNETES_SD_FIELDS = Set.of("api_server", "role", "kubeconfig_file", "namespaces",
            "selectors", "attach_metadata", "basic_auth", "authorization", "oauth2", "follow_redirects",
            "enable_http2", "tls_config", "proxy_url", "no_proxy", "proxy_from_environment", "proxy_connect_header",
            "http_headers");

    static final Set<String> KUBERNETES_SD_ROLES = Set.of("node", "service", "pod", "endpoints", "endpointslice",
            "ingress");

    /** What is wrong with the configuration's {@code kubernetes_sd_configs} entries, each as one line. */
    static List<String> kubernetesDiscoveryProblems(JsonNode config) {
        List<String> problems = new ArrayList<>();
        for (JsonNode job : config.path("scrape_configs")) {
            String where = job.path("job_name").asString();
            for (JsonNode sd : job.path("kubernetes_sd_configs")) {
                sd.propertyNames().stream().filter(field -> !KUBERNETES_SD_FIELDS.contains(field))
                    .forEach(field -> problems.add(where + ": unknown field " + field));
                if (!KUBERNETES_SD_ROLES.contains(sd.path("role").asString(""))) {
                    problems.add(where + ": role '" + sd.path("role").asString("") + "' is none of "
                            + new TreeSet<>(KUBERNETES_SD_ROLES));
                }
                JsonNode namespaces = sd.path("namespaces");
                namespaces.propertyNames().stream().filter(f -> !Set.of("names", "own_namespace").contains(f))
                    .forEach(field -> problems.add(where + ": unknown field namespaces." + field));
                if (namespaces.has("names") && (!namespaces.path("names").isArray()
                        || namespaces.path("names").valueStream().anyMatch(name -> !name.isString()))) {
                    problems.add(where + ": namespaces.names is not a list of names");
                }
            }
        }
        return problems;
    }

    /** The configuration with every {@code kubernetes_sd_configs} block in its place taken out. */
    private static JsonNode withoutKubernetesDiscovery(JsonNode config) {
        JsonNode copy = config.deepCopy();
        for (JsonNode job : copy.path("scrape_configs")) {
            ((ObjectNode) job).remove("kubernetes_sd_configs");
        }
        return copy;
    }

    private static boolean lacksKubernetesDiscovery(Repo.Run check) {
        return check.output().contains("field kubernetes_sd_configs not found");
    }

    private static Repo.Run promtool(Path file) throws Exception {
        Path promtool = Repo.onPath("promtool");
        if (promtool == null) {
            String message = "promtool is not on PATH, so the Prometheus configurations were not checked "
                    + "(install Debian's prometheus package; .ci/run does)";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return Repo.run(List.of(promtool.toString(), "check", "config", file.toString()));
    }
}
