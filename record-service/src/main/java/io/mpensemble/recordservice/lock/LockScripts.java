package io.mpensemble.recordservice.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** The lock's Lua scripts (scripts/lock/*.lua): each checks the object and the lock in one atomic step. */
@Configuration(proxyBeanMethods = false)
class LockScripts {

    @Bean
    RedisScript<List<Object>> sharedLockAcquireScript() {
        return script("acquire");
    }

    @Bean
    RedisScript<List<Object>> sharedLockReleaseScript() {
        return script("release");
    }

    /** A script answering a list: a status word first, then its data. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static RedisScript<List<Object>> script(String name) {
        try {
            // Read once: a script read from its resource is checked for changes (a class-path lookup) on every call.
            String source = new ClassPathResource("scripts/lock/" + name + ".lua")
                    .getContentAsString(StandardCharsets.UTF_8);
            return (RedisScript) RedisScript.of(source, List.class);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
