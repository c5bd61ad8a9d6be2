package io.mpensemble.testsupport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * For a test whose application listens on a random port: {@code @Import} it and autowire a {@link LocalHttp} to that
 * port. Lazy, because the port is known only once the server has started, after the beans are made.
 */
@Configuration(proxyBeanMethods = false)
public class LocalHttpConfiguration {

    @Bean
    @Lazy
    LocalHttp localHttp(Environment environment) {
        return new LocalHttp(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}
