package io.mpensemble.gateway;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import io.mpensemble.testsupport.LocalHttp;
import io.mpensemble.testsupport.LocalHttpConfiguration;

/**
 * The whole gateway on a random port, its Kafka address one where no broker answers (the discard port, on which
 * nothing listens here): for what works without Kafka, and for how the rest fails without it. A test autowires a
 * {@link LocalHttp} to call it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=127.0.0.1:9")
@Import(LocalHttpConfiguration.class)
public @interface GatewayWithoutBroker {
}
