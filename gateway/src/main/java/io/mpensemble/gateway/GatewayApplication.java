package io.mpensemble.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.web.service.registry.ImportHttpServices;

import io.mpensemble.gateway.squareworker.SquareWorkerClient;

/** The tutorial's main program: the public REST API that runs the tutorial programs. */
@SpringBootApplication
@ConfigurationPropertiesScan
@ImportHttpServices(group = SquareWorkerClient.GROUP, types = SquareWorkerClient.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
