package io.mpensemble.printerservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The tutorial's printer: prints records and receives pipe messages. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PrinterServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PrinterServiceApplication.class, args);
    }
}
