package dev.quarry.docs;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves a site folder over HTTP on the loopback address only (the docs hold the project's SQL: they are not for the
 * network). GET and HEAD of files under the folder; {@code /} is {@code index.html}; anything else is 404 or 405.
 */
public final class SiteServer implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml");

    private final HttpServer server;
    private final Path root;

    private SiteServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /**
     * Starts serving.
     *
     * @param siteDir the folder to serve
     * @param port    the port, or 0 for any free one
     */
    public static SiteServer start(Path siteDir, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        SiteServer site = new SiteServer(server, siteDir.toAbsolutePath().normalize());
        server.createContext("/", site::handle);
        server.start();
        return site;
    }

    /** @return e.g. {@code http://127.0.0.1:8080/} */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Path file = resolve(exchange.getRequestURI().getPath());
            if (file == null || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type(file));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        }
    }

    /** The file a request path names, or null when it would leave the site's folder ({@code ..}). */
    private Path resolve(String requestPath) {
        String relative = requestPath == null || requestPath.equals("/") ? "index.html"
                : requestPath.replaceFirst("^/+", "");
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) ? file : null;
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
    }
}
