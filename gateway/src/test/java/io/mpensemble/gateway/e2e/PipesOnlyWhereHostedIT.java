package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Pipe runtime lives only in the services that host pipe ends (gateway and printer-service): the others carry
 * none of its classes and answer no {@code /internal/pipes} endpoint.
 */
@Order(7)
class PipesOnlyWhereHostedIT {

    @ParameterizedTest
    @CsvSource({ "gateway, GATEWAY_PORT, true", "printer-service, PRINTER_SERVICE_PORT, true",
            "record-service, RECORD_SERVICE_PORT, false", "square-worker, SQUARE_WORKER_PORT, false" })
    void onlyTheServicesThatHostPipeEndsHaveTheRuntime(String service, String portVariable, boolean hostsPipes)
            throws Exception {
        Ensemble ensemble = Ensemble.shared();
        // An end no process has: a service with the runtime looks it up (a not-found problem naming the pipe end), a
        // service without it has no such path at all.
        HttpResponse<String> lookup = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + ensemble.port(portVariable)
                        + "/internal/pipes/pipe-none/ends/0")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lookup.statusCode()).as("%s's answer for an unknown pipe end", service).isEqualTo(404);
        if (hostsPipes) {
            assertThat(lookup.body()).as("%s looks the end up", service)
                    .contains("urn:mp-ensemble:problem:not-found").contains("pipe 'pipe-none'");
        }
        else {
            assertThat(lookup.body()).as("%s has no pipe endpoint", service)
                    .doesNotContain("urn:mp-ensemble:problem:not-found").doesNotContain("pipe-none'");
        }
        assertThat(libraries(ensemble.root().resolve(service).resolve("target")))
                .as("the libraries in %s's jar", service)
                .satisfies(libs -> assertThat(libs.stream().anyMatch(lib -> lib.startsWith("BOOT-INF/lib/pipes-")))
                        .isEqualTo(hostsPipes));
    }

    private static List<String> libraries(Path target) throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches(".+-\\d.*(?<!-plain)\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no service jar in " + target));
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).toList();
        }
    }
}
