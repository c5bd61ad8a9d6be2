package io.mpensemble.recordservice.dict;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration(proxyBeanMethods = false)
class DictConfiguration {

    /** Every dict operation, each one atomic in Redis. */
    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> dictScript() {
        return RedisScript.of(new ClassPathResource("scripts/dict/dict.lua"), List.class);
    }
}
