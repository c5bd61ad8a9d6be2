package io.mpensemble.recordservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The tutorial's Manager server process and shared memory: Values, Arrays, lists and dicts held in Redis. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "mp-ensemble record-service", version = "0.1.0",
        description = "The tutorial's Manager server process and shared memory, held in Redis."))
@ConfigurationPropertiesScan
public class RecordServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecordServiceApplication.class, args);
    }
}
