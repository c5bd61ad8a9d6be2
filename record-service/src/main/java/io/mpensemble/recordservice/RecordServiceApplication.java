package io.mpensemble.recordservice;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.models.media.Schema;

/** The tutorial's Manager server process and shared memory: Values, Arrays, lists and dicts held in Redis. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "mp-ensemble record-service", version = "0.1.0",
        description = "The tutorial's Manager server process and shared memory, held in Redis."))
@ConfigurationPropertiesScan
public class RecordServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecordServiceApplication.class, args);
    }

    /** A JsonNode field is any JSON value; springdoc would otherwise describe Jackson 3's JsonNode getters. */
    @Bean
    OpenApiCustomizer anyJsonValueSchema() {
        return openApi -> openApi.getComponents().getSchemas().computeIfPresent("JsonNode",
                (name, schema) -> new Schema<>().description("Any JSON value: null, true/false, a number, a string, "
                        + "an array or an object"));
    }
}
