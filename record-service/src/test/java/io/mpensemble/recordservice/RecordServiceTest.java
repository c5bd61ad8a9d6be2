package io.mpensemble.recordservice;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A test of record-service over HTTP against a Redis of its own: the service on a random port, an embedded Redis that
 * lives as long as the test class's context (each class gets a fresh one), and an {@link Api} bean to call it with.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@Import(RecordServiceTest.WithEmbeddedRedis.class)
public @interface RecordServiceTest {

    /** Settings for this test class's service, as {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class)
    String[] properties() default {};

    @TestConfiguration(proxyBeanMethods = false)
    class WithEmbeddedRedis {

        @Bean(destroyMethod = "stop")
        EmbeddedRedis embeddedRedis() {
            return EmbeddedRedis.start();
        }

        /**
         * Points the service at the embedded Redis. The timeouts are generous because a test machine running several
         * builds at once can take seconds to set up a connection; the tests are about behaviour, not speed.
         */
        @Bean
        DynamicPropertyRegistrar embeddedRedisProperties(EmbeddedRedis redis) {
            return registry -> {
                registry.add("spring.data.redis.port", redis::port);
                registry.add("spring.data.redis.connect-timeout", () -> "15s");
                registry.add("spring.data.redis.timeout", () -> "15s");
            };
        }

        /** Made when a test first asks for it, by when the service has its port. */
        @Bean
        @Lazy
        Api api(@Value("${local.server.port}") int port) {
            return new Api(port);
        }
    }
}
