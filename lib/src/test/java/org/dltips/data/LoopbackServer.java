package org.dltips.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mirror on the loopback interface serving the tiny fixture files as .gz: whole under {@code /good/}, cut off
 * halfway under {@code /partial/} (the declared length is the whole), and other content under {@code /wrong/}.
 */
final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    LoopbackServer(Map<String, byte[]> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(exchange, files));
        server.start();
    }

    URI mirror(String kind) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind + "/");
    }

    private void serve(HttpExchange exchange, Map<String, byte[]> files) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        String[] parts = path.split("/");
        byte[] plain = parts.length == 3 ? files.get(parts[2].replace(".gz", "")) : null;
        try (exchange) {
            if (plain == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Fixtures.gzip(parts[1].equals("wrong") ? Fixtures.labels(3) : plain);
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            if (parts[1].equals("partial")) {
                out.write(body, 0, body.length / 2);
                out.flush();
                exchange.getHttpContext().getServer();
                return;
            }
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
