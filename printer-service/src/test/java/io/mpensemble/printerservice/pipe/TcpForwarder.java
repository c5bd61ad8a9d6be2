package io.mpensemble.printerservice.pipe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards every connection on a local port to {@code host:port}. {@link #cut()} resets every connection at once:
 * to both sides it looks like the other process died mid-stream.
 */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private TcpForwarder(ServerSocket server) {
        this.server = server;
    }

    static TcpForwarder start(int targetPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpForwarder forwarder = new TcpForwarder(server);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    forwarder.sockets.add(client);
                    forwarder.sockets.add(upstream);
                    Thread.ofVirtual().start(() -> pump(client, upstream));
                    Thread.ofVirtual().start(() -> pump(upstream, client));
                }
                catch (IOException ex) {
                    // closed
                }
            }
        });
        return forwarder;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Resets every forwarded connection (SO_LINGER 0: an RST, as the kernel sends for a killed process). */
    void cut() {
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            }
            catch (IOException ex) {
                // closed already
            }
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
            try {
                from.close();
                to.close();
            }
            catch (IOException ex) {
                // closed already
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
