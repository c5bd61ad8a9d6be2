package io.mpensemble.printerservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.web.service.registry.ImportHttpServices;

import io.mpensemble.api.records.RecordServiceClient;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The tutorial's printer: prints records and receives pipe messages. */
@SpringBootApplication
@OpenAPIDefinition(info = @Info(title = "mp-ensemble printer-service", version = "0.1.0",
        description = "The tutorial's printer: prints records and receives pipe messages."))
@ConfigurationPropertiesScan
@ImportHttpServices(group = RecordServiceClient.GROUP, types = RecordServiceClient.class)
public class PrinterServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PrinterServiceApplication.class, args);
    }
}
