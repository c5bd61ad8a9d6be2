package io.mpensemble.support.programs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A {@link ProcessReporter} for this service, named by {@code spring.application.name}. */
@AutoConfiguration
public class ProcessReporterAutoConfiguration {

    @Bean
    ProcessReporter processReporter(@Value("${spring.application.name}") String service) {
        return new ProcessReporter(service);
    }
}
