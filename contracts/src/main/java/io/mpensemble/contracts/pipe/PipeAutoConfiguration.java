package io.mpensemble.contracts.pipe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * Pipes in every service: the {@link Pipes} this process hosts and, in a web service, the {@code /internal/pipes}
 * endpoints other processes stream to. Pipes stop before the web server's graceful shutdown, so the streams of a
 * stopping process end at once and its peers read a broken pipe instead of waiting for the shutdown timeout.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
@EnableConfigurationProperties(PipeProperties.class)
public class PipeAutoConfiguration {

    @Bean
    Pipes pipes(PipeProperties properties, ObjectProvider<MeterRegistry> registry) {
        return new Pipes(properties, registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    SmartLifecycle pipesLifecycle(Pipes pipes) {
        return new SmartLifecycle() {

            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                pipes.close();
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.http.HttpServletRequest")
    PipeStreamController pipeStreamController(Pipes pipes) {
        return new PipeStreamController(pipes);
    }
}
