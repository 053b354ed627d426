package org.jiguan.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails early and clearly when a port the stack needs is already taken, e.g. by a stack already running. */
final class Ports {
    private Ports() {
    }

    static void requireFree(int port, String what, String hint) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new StackException("Port " + port + " (" + what + ") is already in use. Is a Jiguan local stack "
                    + "already running? Stop it first" + (hint.isEmpty() ? "." : ", or " + hint + "."));
        }
    }
}
