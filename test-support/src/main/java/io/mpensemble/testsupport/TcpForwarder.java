package io.mpensemble.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards every connection on a local port to {@code host:port}, until closed. {@link #cut()} resets every
 * connection at once: to both sides it looks like the other process died mid-stream.
 */
public final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TcpForwarder(ServerSocket server) {
        this.server = server;
    }

    /** Forwards a free local port to a port on this machine. */
    public static TcpForwarder start(int targetPort) throws IOException {
        return start(0, InetAddress.getLoopbackAddress().getHostAddress() + ":" + targetPort);
    }

    /** Forwards {@code listenPort} (0: a free one) on the loopback address to {@code target}, a {@code host:port}. */
    public static TcpForwarder start(int listenPort, String target) throws IOException {
        String host = target.substring(0, target.lastIndexOf(':'));
        int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        TcpForwarder forwarder = new TcpForwarder(new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress()));
        Thread.ofVirtual().start(() -> forwarder.accept(host, port));
        return forwarder;
    }

    private void accept(String host, int port) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            }
            catch (IOException ex) {
                continue; // closed
            }
            try {
                Socket upstream = new Socket(host, port);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            }
            catch (IOException ex) {
                close(client); // the target went away: the client sees its connection fail
            }
        }
    }

    /** The local port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** How many forwarded connections are still open on either side. */
    public long connections() {
        return sockets.stream().filter(socket -> !socket.isClosed()).count();
    }

    /** Resets every forwarded connection (SO_LINGER 0: an RST, as the kernel sends for a killed process). */
    public void cut() {
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0);
            }
            catch (IOException ex) {
                // closed already
            }
            close(socket);
        }
        sockets.clear();
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        }
        catch (IOException ex) {
            // one side closed
        }
        finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            // closed already
        }
    }

    /** Stops listening and resets every forwarded connection. */
    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
