package io.mpensemble.recordservice.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * Runs record-service's Lua scripts, one per operation: {@code scripts/<folder>/<operation>.lua}. Redis scripts cannot
 * {@code require}, so each is loaded once as {@code scripts/prelude.lua} (the checks and the reply protocol every kind
 * shares), then its folder's {@code prelude.lua} if there is one (what the kind's operations share), then the
 * operation itself, run inside the prelude's {@code answer(function() ... end)}.
 */
@Component
public class LuaScripts {

    @SuppressWarnings("rawtypes")
    private final Map<String, RedisScript<List>> scripts = new ConcurrentHashMap<>();
    private final RedisTemplate<String, byte[]> redis;

    LuaScripts(RedisConnectionFactory connectionFactory) {
        // Keys are text; arguments and answers bytes, which a Value's memory is and any text can be.
        this.redis = new RedisTemplate<>();
        redis.setConnectionFactory(connectionFactory);
        redis.setKeySerializer(RedisSerializer.string());
        redis.setValueSerializer(RedisSerializer.byteArray());
        redis.afterPropertiesSet();
    }

    /**
     * One atomic call of {@code scripts/<script>.lua}.
     *
     * @param args texts, numbers or bytes; a collection stands for its elements, one argument each
     */
    @SuppressWarnings("unchecked")
    public Reply run(String script, List<String> keys, Object... args) {
        return new Reply(redis.execute(scripts.computeIfAbsent(script, LuaScripts::load), keys, bytes(args)));
    }

    @SuppressWarnings("rawtypes")
    private static RedisScript<List> load(String script) {
        String folder = script.substring(0, script.lastIndexOf('/'));
        ClassPathResource kindPrelude = new ClassPathResource("scripts/" + folder + "/prelude.lua");
        String source = read(new ClassPathResource("scripts/prelude.lua"))
                + (kindPrelude.exists() ? read(kindPrelude) : "")
                + "return answer(function()\n" + read(new ClassPathResource("scripts/" + script + ".lua")) + "end)\n";
        return RedisScript.of(source, List.class);
    }

    private static String read(ClassPathResource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Object[] bytes(Object[] args) {
        List<byte[]> bytes = new ArrayList<>(args.length);
        for (Object arg : args) {
            if (arg instanceof Collection<?> many) {
                many.forEach(one -> bytes.add(bytes(one)));
            }
            else {
                bytes.add(bytes(arg));
            }
        }
        return bytes.toArray();
    }

    private static byte[] bytes(Object arg) {
        return arg instanceof byte[] raw ? raw : String.valueOf(arg).getBytes(StandardCharsets.UTF_8);
    }
}
