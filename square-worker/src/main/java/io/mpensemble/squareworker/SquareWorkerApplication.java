package io.mpensemble.squareworker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The tutorial's {@code square_list}: a service process that squares exactly. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SquareWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SquareWorkerApplication.class, args);
    }
}
