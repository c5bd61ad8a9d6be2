package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code ./ensemble} itself: separate ready processes, an idempotent up, a down that leaves nothing. Runs last. */
@Order(100)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnsembleLifecycleIT {

    static Ensemble ensemble;

    @BeforeAll
    static void ensemble() throws Exception {
        ensemble = Ensemble.shared();
    }

    @Test
    @Order(1)
    void upReportedEveryProcessReadyAndTheGatewayUrl() {
        assertThat(ensemble.upOutput()).contains("mp-ensemble is up")
                .contains("Gateway: http://localhost:" + ensemble.port("GATEWAY_PORT"));
        for (String process : Ensemble.PROCESSES) {
            assertThat(ensemble.upOutput()).contains(process + " is ready");
        }
    }

    @Test
    @Order(2)
    void everyRoleRunsAsItsOwnReadyProcess() throws Exception {
        Ensemble.Result status = ensemble.run("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        Map<String, Long> pids = ensemble.pidsAtStart();
        for (String process : Ensemble.PROCESSES) {
            assertThat(status.output()).containsPattern("(?m)^" + process + "\\s+" + pids.get(process)
                    + "\\s+\\d+\\s+ready$");
            assertThat(ProcessHandle.of(pids.get(process)).map(ProcessHandle::isAlive)).as(process).hasValue(true);
        }
        assertThat(pids.values()).doesNotHaveDuplicates().doesNotContain(ProcessHandle.current().pid());
    }

    /** The images' healthcheck (deploy/docker/healthcheck.sh, bash only) against the real services. */
    @Test
    @Order(2)
    void theImagesHealthcheckPassesForEveryReadyServiceAndFailsWhereNoneListens() throws Exception {
        String script = ensemble.root().resolve("deploy/docker/healthcheck.sh").toString();
        for (String port : java.util.List.of("GATEWAY_PORT", "SQUARE_WORKER_PORT", "RECORD_SERVICE_PORT",
                "PRINTER_SERVICE_PORT")) {
            Process check = new ProcessBuilder("bash", script, String.valueOf(ensemble.port(port)))
                    .redirectErrorStream(true).start();
            assertThat(check.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as("healthcheck of %s: %s", port,
                    new String(check.getInputStream().readAllBytes())).isZero();
        }
        int free;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        Process none = new ProcessBuilder("bash", script, String.valueOf(free)).redirectErrorStream(true).start();
        assertThat(none.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(none.exitValue()).as("healthcheck where nothing listens").isNotZero();
    }

    @Test
    @Order(3)
    void aSecondUpChangesNothing() throws Exception {
        Ensemble.Result again = ensemble.run("up");
        assertThat(again.exitCode()).as(again.output()).isZero();
        for (String process : Ensemble.PROCESSES) {
            long pid = ensemble.pidsAtStart().get(process);
            assertThat(again.output()).contains(process + " is already running (pid " + pid + ")");
            assertThat(ensemble.recordedPid(process)).isEqualTo(pid);
        }
        assertThat(again.output()).doesNotContain("started ");
    }

    @Test
    @Order(4)
    void downStopsExactlyWhatUpStartedAndFreesEveryPort() throws Exception {
        Ensemble.Result down = ensemble.run("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(down.output()).contains("6 processes stopped");
        for (String process : Ensemble.PROCESSES) {
            assertThat(ProcessHandle.of(ensemble.pidsAtStart().get(process)).map(ProcessHandle::isAlive))
                    .as(process).satisfiesAnyOf(alive -> assertThat(alive).isEmpty(),
                            alive -> assertThat(alive).hasValue(false));
        }
        for (int port : ensemble.ports()) {
            assertThat(Ensemble.listening(port)).as("port %d is free", port).isFalse();
        }
        Ensemble.Result status = ensemble.run("status");
        assertThat(status.exitCode()).isNotZero();
        assertThat(status.output().lines().filter(line -> line.endsWith("stopped"))).hasSize(6);
    }
}
