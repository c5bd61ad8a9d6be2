package io.mpensemble.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;

import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml against the official Compose schema, and what the schema cannot see: references between
 * services, variables, files on disk, and agreement with the services' own configuration.
 */
class ComposeFileTest {

    static final String COMPOSE = "docker-compose.yml";

    final JsonNode compose = Repo.yaml(COMPOSE);
    final JsonNode services = compose.get("services");

    @Test
    void isValidAgainstTheComposeSpecification() throws Exception {
        Schema schema = composeSpec();
        List<Error> errors = schema.validate(compose);
        assertThat(errors).as("schema errors in %s", COMPOSE).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAMisspelledKey() throws Exception {
        Schema schema = composeSpec();
        JsonNode broken = Repo.YAML.readTree("services:\n  a:\n    image: x:1\n    healthchek:\n      test: [CMD, true]\n");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void everyDependencyExistsAndIsHealthcheckedWhereHealthIsAwaited() {
        services.properties().forEach(service -> {
            JsonNode dependsOn = service.getValue().get("depends_on");
            if (dependsOn == null) {
                return;
            }
            dependsOn.properties().forEach(dependency -> {
                String target = dependency.getKey();
                assertThat(services.has(target)).as("%s depends on %s, which is no service", service.getKey(), target)
                    .isTrue();
                String condition = dependency.getValue().path("condition").asString("");
                assertThat(condition).as("%s waits for %s to be healthy", service.getKey(), target)
                    .isEqualTo("service_healthy");
                assertThat(services.get(target).has("healthcheck")).as("%s has a healthcheck", target).isTrue();
            });
        });
        // the start-up order: services after what their readiness needs, the gateway after all the others
        assertThat(dependencies("record-service")).containsExactly("redis");
        assertThat(dependencies("square-worker")).contains("kafka");
        assertThat(dependencies("gateway")).contains("kafka", "square-worker", "record-service", "printer-service");
        assertThat(dependencies("grafana")).contains("prometheus");
    }

    @Test
    void everyServiceHasAHealthcheckAMemoryLimitAndAPinnedImage() {
        services.properties().forEach(service -> {
            JsonNode definition = service.getValue();
            assertThat(definition.path("healthcheck").path("test").isArray()).as("%s healthcheck", service.getKey())
                .isTrue();
            assertThat(definition.path("deploy").path("resources").path("limits").path("memory").asString(""))
                .as("%s memory limit", service.getKey()).matches("\\d+[kmg]");
            String image = definition.path("image").asString("");
            assertThat(image).as("%s image", service.getKey()).matches("[a-z0-9./-]+:[A-Za-z0-9._-]+")
                .doesNotEndWith(":latest");
        });
    }

    @Test
    void kafkaIsTheVersionOfOurClientsAndGrafanaLetsAnonymousUsersOnlyView() {
        assertThat(services.path("kafka").path("image").asString()).isEqualTo("apache/kafka:" + Repo.kafkaVersion());
        JsonNode grafana = services.path("grafana").path("environment");
        assertThat(grafana.path("GF_AUTH_ANONYMOUS_ENABLED").asString()).isEqualTo("true");
        assertThat(grafana.path("GF_AUTH_ANONYMOUS_ORG_ROLE").asString()).isEqualTo("Viewer");
    }

    @Test
    void onlyTheGatewayGrafanaAndPrometheusArePublished() {
        Set<String> published = new HashSet<>();
        services.properties().forEach(service -> {
            if (service.getValue().has("ports")) {
                published.add(service.getKey());
            }
        });
        assertThat(published).containsExactlyInAnyOrder("gateway", "grafana", "prometheus");
        // on loopback unless asked otherwise: Prometheus has no login, Grafana's admin password has a default
        assertThat(services.path("gateway").path("ports").get(0).asString())
            .isEqualTo("${PUBLISH_ADDRESS:-127.0.0.1}:${GATEWAY_PORT:-8080}:8080");
        for (String service : published) {
            assertThat(services.path(service).path("ports")).singleElement()
                .satisfies(port -> assertThat(port.asString()).startsWith("${PUBLISH_ADDRESS:-127.0.0.1}:"));
        }
    }

    @Test
    void everyVariableHasADefault() {
        String text = Repo.read(COMPOSE);
        Matcher variable = Pattern.compile("\\$(\\{[^}]*}|[A-Za-z_][A-Za-z0-9_]*)").matcher(text);
        List<String> without = new ArrayList<>();
        while (variable.find()) {
            String found = variable.group(1);
            if (!found.matches("\\{[A-Z_][A-Z0-9_]*:?-[^}]*}")) {
                without.add("$" + found);
            }
        }
        assertThat(without).as("variables without a default").isEmpty();
    }

    @Test
    void everyBuildContextAndEveryMountedOrCopiedFileExists() {
        services.properties().forEach(service -> {
            JsonNode build = service.getValue().get("build");
            if (build != null) {
                String context = build.path("context").asString();
                assertThat(Repo.path(context)).as("%s build context", service.getKey()).isDirectory();
                assertThat(Repo.path(context).resolve(build.path("dockerfile").asString("Dockerfile")))
                    .isRegularFile();
                String module = build.path("args").path("SERVICE").asString();
                assertThat(module).as("%s builds its own module", service.getKey()).isEqualTo(service.getKey());
                assertThat(Repo.path(module).resolve("pom.xml")).isRegularFile();
            }
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(Repo.path(source)).as("%s mounts %s", service.getKey(), source).exists();
                }
                else {
                    assertThat(compose.path("volumes").has(source)).as("named volume %s is declared", source)
                        .isTrue();
                }
            }
        });
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(?:--\\S+ )*(.+) \\S+$").matcher(Repo.read("Dockerfile"));
        int copies = 0;
        while (copy.find()) {
            for (String source : copy.group(1).split(" ")) {
                assertThat(Repo.path(source)).as("Dockerfile copies %s", source).exists();
                copies++;
            }
        }
        assertThat(copies).isGreaterThan(5);
        // the image's Maven reads the whole reactor: every module's pom must be in the build stage
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Repo.read("pom.xml"));
        while (module.find()) {
            assertThat(Repo.read("Dockerfile")).as("the Dockerfile copies module %s", module.group(1))
                .containsPattern("(?m)^COPY " + Pattern.quote(module.group(1)) + "/(pom.xml)? ");
        }
    }

    @Test
    void theServicesGetTheVariablesTheirApplicationYamlReadsWithTheirOwnPorts() {
        for (String service : Repo.SERVICES.keySet()) {
            Map<String, String> reads = Repo.variables(service);
            JsonNode environment = services.path(service).path("environment");
            Set<String> given = new HashSet<>();
            environment.propertyNames().forEach(given::add);
            given.remove("JAVA_TOOL_OPTIONS");
            assertThat(reads.keySet()).as("%s: application.yaml reads exactly what compose sets", service)
                .containsExactlyInAnyOrderElementsOf(given);
            int port = Repo.port(service);
            assertThat(environment.path(Repo.SERVICES.get(service)).asString()).isEqualTo(String.valueOf(port));
            assertThat(services.path(service).path("healthcheck").path("test").toString()).contains("\"" + port + "\"");
            // a URL to another service names it by its compose name and its port
            environment.properties().forEach(variable -> {
                Matcher url = Pattern.compile("http://([a-z-]+):(\\d+)").matcher(variable.getValue().asString());
                if (url.matches()) {
                    assertThat(Repo.port(url.group(1))).as(variable.getKey()).isEqualTo(Integer.parseInt(url.group(2)));
                }
            });
            for (String variable : given) {
                assertThat(Repo.read("README.md")).as("README documents %s", variable).contains("`" + variable + "`");
            }
        }
    }

    @Test
    void prometheusScrapesEveryServiceAndGrafanaGetsItsDatasourceAndDashboards() throws Exception {
        JsonNode prometheus = Repo.yaml("deploy/prometheus/prometheus.yml");
        Set<String> targets = new HashSet<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            for (JsonNode config : job.path("static_configs")) {
                for (JsonNode target : config.path("targets")) {
                    if (!job.path("job_name").asString().equals("prometheus")) {
                        assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
                    }
                    targets.add(target.asString());
                }
            }
        }
        for (String service : Repo.SERVICES.keySet()) {
            assertThat(targets).contains(service + ":" + Repo.port(service));
        }
        JsonNode datasources = Repo.yaml("deploy/grafana/provisioning/datasources/prometheus.yml");
        assertThat(datasources.path("datasources").get(0).path("uid").asString()).isEqualTo("prometheus");
        assertThat(datasources.path("datasources").get(0).path("url").asString()).isEqualTo("http://prometheus:9090");
        JsonNode providers = Repo.yaml("deploy/grafana/provisioning/dashboards/mp-ensemble.yml");
        String dashboardsPath = providers.path("providers").get(0).path("options").path("path").asString();
        String home = services.path("grafana").path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
            .asString();
        assertThat(home).startsWith(dashboardsPath + "/");
        assertThat(Repo.path("deploy/grafana/dashboards").resolve(home.substring(dashboardsPath.length() + 1)))
            .isRegularFile();
        assertThat(services.path("grafana").path("volumes").toString())
            .contains("./deploy/grafana/dashboards:" + dashboardsPath + ":ro");
        try (var files = Files.list(Repo.path("deploy/grafana/dashboards"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                .containsExactly("manager.json", "overview.json", "pipe.json", "queue.json");
        }
    }

    /**
     * The Compose schema, draft 2019-09. Its sub-schemas still carry draft-04 {@code id}s, which 2019-09 knows only as
     * a name it no longer validates; they are read as annotations, as the specification says of unknown keywords.
     */
    private Schema composeSpec() throws Exception {
        Dialect dialect = Dialect.builder(Dialects.getDraft201909()).keywords(keywords -> keywords.remove("id")).build();
        try (InputStream spec = getClass().getResourceAsStream("/compose-spec/compose-spec.json")) {
            return SchemaRegistry.withDialect(dialect).getSchema(spec, InputFormat.JSON);
        }
    }

    private List<String> dependencies(String service) {
        List<String> names = new ArrayList<>();
        services.path(service).path("depends_on").propertyNames().forEach(names::add);
        return names;
    }
}
