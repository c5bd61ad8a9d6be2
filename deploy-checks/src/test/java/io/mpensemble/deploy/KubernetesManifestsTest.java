package io.mpensemble.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

import tools.jackson.databind.JsonNode;

/**
 * Each overlay of k8s/ rendered by {@code kubectl kustomize}, every object parsed strictly into the Kubernetes typed
 * model (an unknown or misspelled field fails), and what matters checked against the services' own configuration.
 */
class KubernetesManifestsTest {

    static String kubectl;

    @BeforeAll
    static void kubectl() {
        var found = Repo.onPath("kubectl");
        kubectl = found == null ? null : found.toString();
    }

    /** One rendered object: its kind and the typed model it parsed into. */
    record Rendered(String kind, String name, Object object) {
    }

    @ParameterizedTest
    @ValueSource(strings = { "laptop", "external" })
    void everyObjectParsesStrictlyAndTheServicesAgreeWithTheirConfiguration(String overlay) throws Exception {
        List<Rendered> objects = render(overlay);
        Map<String, V1Deployment> deployments = byName(objects, V1Deployment.class);
        Map<String, V1Service> services = byName(objects, V1Service.class);
        Map<String, V1PodDisruptionBudget> budgets = byName(objects, V1PodDisruptionBudget.class);
        V1ConfigMap config = byName(objects, V1ConfigMap.class).get("mp-ensemble-config");
        assertThat(config).as("the ConfigMap").isNotNull();

        assertThat(byName(objects, V1Namespace.class)).as("the overlay brings its namespace").containsKey("mp-ensemble");
        for (String service : Repo.SERVICES.keySet()) {
            int port = Repo.port(service);
            V1Deployment deployment = deployments.get(service);
            assertThat(deployment).as("Deployment %s", service).isNotNull();
            assertThat(deployment.getMetadata().getNamespace()).isEqualTo("mp-ensemble");
            V1Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            // the laptop's images are loaded into the cluster as docker compose builds them; an existing cluster
            // pulls them from a registry the overlay names
            String image = "mp-ensemble/" + service + ":" + Repo.projectVersion();
            assertThat(container.getImage()).isEqualTo(overlay.equals("laptop") ? image
                    : "registry.example.com/" + image);
            assertThat(container.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).isEqualTo(port);
            });
            assertThat(container.getEnv()).anySatisfy(env -> {
                assertThat(env.getName()).isEqualTo(Repo.SERVICES.get(service));
                assertThat(env.getValue()).isEqualTo(String.valueOf(port));
            });
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(container.getEnvFrom()).anySatisfy(from -> assertThat(from.getConfigMapRef())
                .extracting("name").isEqualTo(config.getMetadata().getName()));
            assertThat(container.getEnvFrom()).anySatisfy(from -> assertThat(from.getSecretRef())
                .extracting("name").isEqualTo("mp-ensemble-secrets"));
            // every setting the service reads is given: left out, it would quietly fall back to localhost
            List<String> given = new ArrayList<>(config.getData().keySet());
            container.getEnv().forEach(env -> given.add(env.getName()));
            assertThat(given).as("%s: the settings its application.yaml reads", service)
                .containsAll(Repo.variables(service).keySet());
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/actuator/prometheus")
                .containsEntry("prometheus.io/port", String.valueOf(port));

            V1Service svc = services.get(service);
            assertThat(svc).as("Service %s", service).isNotNull();
            assertThat(svc.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(svc.getSpec().getSelector());
            assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getPort()).isEqualTo(port);
                assertThat(p.getTargetPort().getStrValue()).isEqualTo("http");
            });

            assertThat(budgets.get(service)).as("PodDisruptionBudget %s", service).isNotNull();
            assertThat(budgets.get(service).getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        }

        V2HorizontalPodAutoscaler hpa = byName(objects, V2HorizontalPodAutoscaler.class).get("square-worker");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(deployments).containsKey(hpa.getSpec().getScaleTargetRef().getName());
        assertThat(deployments.get("square-worker").getSpec().getReplicas()).as("the HPA sets its replicas").isNull();
        assertThat(hpa.getSpec().getMaxReplicas()).as("no more square-workers than task partitions")
            .isLessThanOrEqualTo(Integer.parseInt(config.getData().get("SQUARE_TASK_PARTITIONS")));

        // the ConfigMap: only variables the services read, and URLs naming real Services on their ports
        List<String> read = new ArrayList<>();
        Repo.SERVICES.keySet().forEach(service -> read.addAll(Repo.variables(service).keySet()));
        read.add("JAVA_TOOL_OPTIONS");
        assertThat(read).containsAll(config.getData().keySet());
        config.getData().forEach((key, value) -> {
            Matcher url = Pattern.compile("http://([a-z-]+):(\\d+)").matcher(value);
            if (url.matches()) {
                assertThat(services).as(key).containsKey(url.group(1));
                assertThat(services.get(url.group(1)).getSpec().getPorts()).extracting(V1ServicePort::getPort)
                    .as(key).contains(Integer.parseInt(url.group(2)));
            }
        });
        assertThat(config.getData()).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "REDIS_HOST", "REDIS_PORT");

        if (overlay.equals("laptop")) {
            // the overlay's own Kafka and Redis are where the ConfigMap says
            Map<String, V1StatefulSet> statefulSets = byName(objects, V1StatefulSet.class);
            assertThat(config.getData().get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            assertThat(services.get("kafka").getSpec().getPorts()).extracting(V1ServicePort::getPort).contains(9092);
            assertThat(statefulSets.get("kafka").getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .isEqualTo("apache/kafka:" + Repo.kafkaVersion());
            assertThat(config.getData().get("REDIS_HOST")).isEqualTo("redis");
            assertThat(services.get("redis").getSpec().getPorts()).extracting(V1ServicePort::getPort)
                .contains(Integer.parseInt(config.getData().get("REDIS_PORT")));
            assertThat(statefulSets.get("redis").getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs())
                .containsSequence("--appendonly", "yes");
            assertThat(deployments).containsKey("prometheus");
        }
        else {
            assertThat(byName(objects, V1StatefulSet.class)).as("no Kafka or Redis of its own").isEmpty();
            assertThat(config.getData().get("KAFKA_BOOTSTRAP_SERVERS")).isNotEqualTo("kafka:9092");
        }
    }

    @Test
    void theTypedParserRejectsAnUnknownField() {
        String misspelled = """
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x"},
                 "spec": {"replica": 2, "selector": {}, "template": {}}}""";
        assertThatThrownBy(() -> V1Deployment.fromJson(misspelled)).hasMessageContaining("replica");
        String deepInside = """
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "x"},
                 "spec": {"ports": [{"port": 80, "targetport": "http"}]}}""";
        assertThatThrownBy(() -> V1Service.fromJson(deepInside)).hasMessageContaining("targetport");
    }

    private static void assertProbe(V1Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrValue()).isEqualTo("http");
    }

    private static List<Rendered> render(String overlay) throws IOException, InterruptedException {
        if (kubectl == null) {
            String message = "kubectl is not on PATH, so the k8s/ overlays were not rendered nor checked";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message + " (this project's machines have it)");
        }
        Repo.Run run = Repo.run(List.of(kubectl, "kustomize", "k8s/overlays/" + overlay));
        assertThat(run.exitCode()).as("kubectl kustomize k8s/overlays/%s:\n%s", overlay, run.output()).isZero();
        List<Rendered> objects = new ArrayList<>();
        for (String document : run.output().split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            JsonNode node = Repo.YAML.readTree(document);
            String json = Repo.JSON.writeValueAsString(node);
            String kind = node.path("apiVersion").asString() + "/" + node.path("kind").asString();
            Object parsed = switch (kind) {
                case "apps/v1/Deployment" -> V1Deployment.fromJson(json);
                case "apps/v1/StatefulSet" -> V1StatefulSet.fromJson(json);
                case "v1/Service" -> V1Service.fromJson(json);
                case "v1/ConfigMap" -> V1ConfigMap.fromJson(json);
                case "v1/Namespace" -> V1Namespace.fromJson(json);
                case "v1/ServiceAccount" -> V1ServiceAccount.fromJson(json);
                case "policy/v1/PodDisruptionBudget" -> V1PodDisruptionBudget.fromJson(json);
                case "autoscaling/v2/HorizontalPodAutoscaler" -> V2HorizontalPodAutoscaler.fromJson(json);
                case "rbac.authorization.k8s.io/v1/Role" -> V1Role.fromJson(json);
                case "rbac.authorization.k8s.io/v1/RoleBinding" -> V1RoleBinding.fromJson(json);
                default -> throw new AssertionError("k8s/overlays/" + overlay + " renders an object this check does "
                        + "not know: " + kind + " (add it here)");
            };
            objects.add(new Rendered(kind, node.path("metadata").path("name").asString(), parsed));
        }
        return objects;
    }

    private static <T> Map<String, T> byName(List<Rendered> objects, Class<T> type) {
        Map<String, T> found = new LinkedHashMap<>();
        for (Rendered rendered : objects) {
            if (type.isInstance(rendered.object())) {
                found.put(rendered.name(), type.cast(rendered.object()));
            }
        }
        return found;
    }
}
