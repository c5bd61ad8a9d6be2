package io.mpensemble.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code promtool check config} on the Prometheus configurations (Debian's prometheus package has promtool). */
class PrometheusConfigTest {

    @Test
    void composePrometheusConfigurationIsValid() throws Exception {
        Repo.Run check = promtool("deploy/prometheus/prometheus.yml");
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void laptopClusterPrometheusConfigurationIsValid() throws Exception {
        Repo.Run check = promtool("k8s/overlays/laptop/prometheus.yml");
        // Debian builds Prometheus without Kubernetes service discovery, so its promtool cannot read this file.
        assumeFalse(check.exitCode() != 0 && check.output().contains("field kubernetes_sd_configs not found"),
                "this promtool is built without Kubernetes service discovery (Debian's is): "
                        + "k8s/overlays/laptop/prometheus.yml not checked");
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void promtoolCatchesAMistake() throws Exception {
        Path broken = java.nio.file.Files.createTempFile("prometheus-", ".yml");
        java.nio.file.Files.writeString(broken, "scrape_configs:\n  - job_name: x\n    scrape_intervall: 5s\n");
        Repo.Run check = promtool(broken.toString());
        java.nio.file.Files.delete(broken);
        assertThat(check.exitCode()).as(check.output()).isNotZero();
    }

    private static Repo.Run promtool(String file) throws Exception {
        Path promtool = Repo.onPath("promtool");
        assumeTrue(promtool != null, "promtool is not on PATH: Prometheus configuration not checked "
                + "(.ci/run installs Debian's prometheus package)");
        return Repo.run(List.of(promtool.toString(), "check", "config", file));
    }
}
