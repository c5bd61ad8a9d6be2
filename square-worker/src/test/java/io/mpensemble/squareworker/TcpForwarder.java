package io.mpensemble.squareworker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Listens on a fixed local port and forwards every connection to {@code host:port}, until closed. */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;

    private TcpForwarder(ServerSocket server) {
        this.server = server;
    }

    static TcpForwarder start(int listenPort, String target) throws IOException {
        String host = target.substring(0, target.lastIndexOf(':'));
        int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        ServerSocket server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(host, port);
                    Thread.ofVirtual().start(() -> pump(client, upstream));
                    Thread.ofVirtual().start(() -> pump(upstream, client));
                }
                catch (IOException ex) {
                    // closed, or the target went away: the client sees its connection fail
                }
            }
        });
        return new TcpForwarder(server);
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
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
