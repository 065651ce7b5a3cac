package org.dltips.kernel.wire;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A kernel connection file on loopback with five free ports and a fresh HMAC key.
 *
 * <p>{@code ConnectionFile.create(dir).write()} returns the path to hand to the kernel.
 */
public record ConnectionFile(Path path, String key, int shell, int iopub, int stdin, int control, int hb) {

    /** Picks five free loopback ports and a random key; the file is written by {@link #write()}. */
    public static ConnectionFile create(Path dir) {
        int[] ports = new int[5];
        ServerSocket[] sockets = new ServerSocket[5];
        try {
            for (int i = 0; i < 5; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not reserve loopback ports for the kernel", e);
        }
        Path file = dir.resolve("kernel-" + UUID.randomUUID() + ".json");
        return new ConnectionFile(file, UUID.randomUUID().toString(), ports[0], ports[1], ports[2], ports[3],
                ports[4]);
    }

    /** Writes the JSON a Jupyter client would write and returns its path. */
    public Path write() {
        JsonObject json = new JsonObject();
        json.addProperty("transport", "tcp");
        json.addProperty("ip", "127.0.0.1");
        json.addProperty("shell_port", shell);
        json.addProperty("iopub_port", iopub);
        json.addProperty("stdin_port", stdin);
        json.addProperty("control_port", control);
        json.addProperty("hb_port", hb);
        json.addProperty("signature_scheme", "hmac-sha256");
        json.addProperty("key", key);
        json.addProperty("kernel_name", "dltips");
        try {
            Files.writeString(path, json.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write connection file " + path, e);
        }
        return path;
    }

    /** The ZeroMQ endpoint of one port, for example {@code tcp://127.0.0.1:5555}. */
    public String endpoint(int port) {
        return "tcp://127.0.0.1:" + port;
    }
}
