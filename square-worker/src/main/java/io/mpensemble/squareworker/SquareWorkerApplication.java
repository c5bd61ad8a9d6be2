package io.mpensemble.squareworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.web.service.registry.ImportHttpServices;

import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.squareworker.queue.GatewayQueueClient;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The tutorial's {@code square_list}: a service process that squares exactly. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "mp-ensemble square-worker", version = "0.1.0",
        description = "The tutorial's square_list: squares exactly, integers of any size."))
@ConfigurationPropertiesScan
@ImportHttpServices(group = RecordServiceClient.GROUP, types = RecordServiceClient.class)
@ImportHttpServices(group = GatewayQueueClient.GROUP, types = GatewayQueueClient.class)
public class SquareWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SquareWorkerApplication.class, args);
    }
}
