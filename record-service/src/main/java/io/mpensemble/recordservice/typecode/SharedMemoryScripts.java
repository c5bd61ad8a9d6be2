package io.mpensemble.recordservice.typecode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** The Lua scripts that change a Value's or an Array's memory, each in one atomic step (scripts/typecode/*.lua). */
@Configuration(proxyBeanMethods = false)
class SharedMemoryScripts {

    @Bean
    RedisScript<List<Object>> sharedMemoryLayoutScript() {
        return script("layout");
    }

    @Bean
    RedisScript<List<Object>> sharedMemoryWriteScript() {
        return script("write");
    }

    @Bean
    RedisScript<List<Object>> sharedMemoryAddScript() {
        return script("add");
    }

    @Bean
    RedisScript<List<Object>> sharedMemoryCompareAndSetScript() {
        return script("compare-and-set");
    }

    /** A script answering a list: a status word first, then its data. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static RedisScript<List<Object>> script(String name) {
        try {
            // Read once: a script read from its resource is checked for changes (a class-path lookup) on every call.
            String source = new ClassPathResource("scripts/typecode/" + name + ".lua")
                    .getContentAsString(StandardCharsets.UTF_8);
            return (RedisScript) RedisScript.of(source, List.class);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
