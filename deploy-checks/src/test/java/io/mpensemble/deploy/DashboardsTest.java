package io.mpensemble.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboards as files: every panel queries the provisioned Prometheus datasource with at least one
 * expression, and uses only variables the dashboard defines. (GatewayDashboardQueriesIT, in the gateway's end-to-end
 * suite, runs every expression against a Prometheus scraping a real ensemble.)
 */
class DashboardsTest {

    static final Set<String> BUILT_IN = Set.of("__rate_interval", "__interval", "__range");

    @ParameterizedTest
    @ValueSource(strings = { "overview", "queue", "manager", "pipe" })
    void everyPanelQueriesPrometheusWithDefinedVariables(String name) {
        JsonNode dashboard = Repo.json("deploy/grafana/dashboards/" + name + ".json");
        assertThat(dashboard.path("uid").asString()).isEqualTo("mp-ensemble-" + name);
        Set<String> variables = new HashSet<>(BUILT_IN);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            variables.add(variable.path("name").asString());
            assertThat(variable.path("datasource").path("uid").asString()).isEqualTo("prometheus");
        }
        int panels = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asString().equals("row")) {
                continue;
            }
            panels++;
            assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                .isEqualTo("prometheus");
            assertThat(panel.path("description").asString()).as("%s explains itself", panel.path("title")).isNotBlank();
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString();
                assertThat(expr).isNotBlank();
                var used = java.util.regex.Pattern.compile("\\$\\{?(\\w+)").matcher(expr);
                while (used.find()) {
                    assertThat(variables).as("%s: %s", panel.path("title"), expr).contains(used.group(1));
                }
            }
        }
        assertThat(panels).isGreaterThanOrEqualTo(5);
        assertThat(Repo.read("README.md")).as("README describes the %s dashboard", name)
            .contains(dashboard.path("title").asString());
    }
}
