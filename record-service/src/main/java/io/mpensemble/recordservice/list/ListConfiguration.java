package io.mpensemble.recordservice.list;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration(proxyBeanMethods = false)
class ListConfiguration {

    /** Every list operation, each one atomic in Redis. */
    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> listScript() {
        return RedisScript.of(new ClassPathResource("scripts/list/list.lua"), List.class);
    }
}
