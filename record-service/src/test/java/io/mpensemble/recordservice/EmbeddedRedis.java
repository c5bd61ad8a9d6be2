package io.mpensemble.recordservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/** A real Redis server (embedded-redis's binary, Redis 6.2) on a port of this machine. */
public final class EmbeddedRedis {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A server on a free port. */
    public static EmbeddedRedis start() {
        return start(freePort());
    }

    public static EmbeddedRedis start(int port) {
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            return new EmbeddedRedis(server, port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public int port() {
        return port;
    }

    public void stop() {
        try {
            server.stop();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
