package io.mpensemble.recordservice.manager;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

import io.swagger.v3.oas.models.media.Schema;

@Configuration(proxyBeanMethods = false)
class ManagerConfiguration {

    /** Every manager-session operation, each one atomic in Redis. */
    @Bean
    @SuppressWarnings("rawtypes")
    RedisScript<List> managerScript() {
        return RedisScript.of(new ClassPathResource("scripts/manager/manager.lua"), List.class);
    }

    /** A JsonNode field is any JSON value; springdoc would otherwise describe Jackson 3's JsonNode getters. */
    @Bean
    OpenApiCustomizer anyJsonValueSchema() {
        return openApi -> openApi.getComponents().getSchemas().computeIfPresent("JsonNode",
                (name, schema) -> new Schema<>().description("Any JSON value: null, true/false, a number, a string, "
                        + "an array or an object"));
    }
}
