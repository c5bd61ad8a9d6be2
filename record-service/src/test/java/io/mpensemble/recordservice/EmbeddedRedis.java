package io.mpensemble.recordservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.test.context.DynamicPropertyRegistry;

import redis.embedded.RedisServer;

/** A real Redis server (embedded-redis's binary) on a free port, for one test class. */
public final class EmbeddedRedis {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new EmbeddedRedis(server, port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public int port() {
        return port;
    }

    /**
     * Points record-service at this server. The timeouts are generous because a test machine running several builds
     * at once can take seconds to set up a connection; the tests are about behaviour, not speed.
     */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", this::port);
        registry.add("spring.data.redis.connect-timeout", () -> "15s");
        registry.add("spring.data.redis.timeout", () -> "15s");
    }

    public void stop() {
        try {
            server.stop();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
