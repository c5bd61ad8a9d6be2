package io.mpensemble.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports on this machine. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** A port nothing listened on a moment ago: for a server a test starts later, or an address with no server. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
