package io.mpensemble.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.service.registry.ImportHttpServices;

import io.mpensemble.api.records.RecordServiceClient;
import io.mpensemble.gateway.printer.PrinterPipeEnds;
import io.mpensemble.gateway.printer.PrinterServiceClient;
import io.mpensemble.gateway.squareworker.SquareWorkerClient;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The tutorial's main program: the public REST API that runs the tutorial programs. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "mp-ensemble gateway", version = "0.1.0",
        description = "The tutorial's main program: runs the tutorial programs and exposes the primitives."))
@ConfigurationPropertiesScan
@EnableScheduling
@ImportHttpServices(group = SquareWorkerClient.GROUP, types = SquareWorkerClient.class)
@ImportHttpServices(group = RecordServiceClient.GROUP, types = RecordServiceClient.class)
@ImportHttpServices(group = PrinterServiceClient.GROUP, types = { PrinterServiceClient.class, PrinterPipeEnds.class })
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
