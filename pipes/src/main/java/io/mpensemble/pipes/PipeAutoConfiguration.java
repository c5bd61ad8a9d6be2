package io.mpensemble.pipes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Pipes in a service that hosts pipe ends (one with this module on its classpath: the gateway and printer-service):
 * the {@link Pipes} this process hosts and, in a web service, the {@code /internal/pipes} endpoints other processes
 * stream to. Pipes stop before the web server's graceful shutdown, so the streams of a
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

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.http.HttpServletRequest")
    @ConditionalOnBooleanProperty(name = "mp-ensemble.pipes.hosting", matchIfMissing = true)
    PipeHostingController pipeHostingController(Pipes pipes) {
        return new PipeHostingController(pipes);
    }

    /**
     * Tomcat reads a request body from its socket 64 KiB at a time instead of 8 KiB: a pipe stream of large messages
     * then costs a fraction of the reads (64 KiB messages: about 1.0 GB/s with 8 KiB, 1.1–1.3 GB/s with this, here).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TomcatConnectorCustomizer.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TomcatReads {

        @Bean
        TomcatConnectorCustomizer pipeStreamReads() {
            return connector -> connector.setProperty("socket.appReadBufSize", String.valueOf(64 * 1024));
        }
    }
}
