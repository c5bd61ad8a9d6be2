package io.mpensemble.recordservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The tutorial's Manager server process and shared memory: Values, Arrays, lists and dicts held in Redis. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RecordServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecordServiceApplication.class, args);
    }
}
