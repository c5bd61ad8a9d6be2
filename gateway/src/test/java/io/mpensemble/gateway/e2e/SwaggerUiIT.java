package io.mpensemble.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The gateway's Swagger UI, which the README's quick start lists, shows the gateway's own API. */
@Order(7)
class SwaggerUiIT {

    @Test
    void swaggerUiServesThePageAndTheApiItDescribes() throws Exception {
        String gateway = "http://localhost:" + Ensemble.shared().port("GATEWAY_PORT");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(gateway + "/swagger-ui.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        HttpResponse<String> config = http.send(
                HttpRequest.newBuilder(URI.create(gateway + "/v3/api-docs/swagger-config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/v3/api-docs");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(gateway + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.body()).contains("/api/programs/queue");
    }
}
