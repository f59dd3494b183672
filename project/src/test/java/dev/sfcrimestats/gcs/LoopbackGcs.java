package dev.sfcrimestats.gcs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of Cloud Storage's JSON API, on a loopback port, for listing objects in pages and for the client's
 * resumable upload: starting a session
 * ({@code POST /upload/storage/v1/b/BUCKET/o?uploadType=resumable}, honouring {@code ifGenerationMatch=0} with a 412
 * as the service does, when the session starts and when it ends) and sending the whole content in one {@code PUT} to
 * the session. It keeps a digest and size of
 * what arrived rather than the bytes. The real HTTP transport runs end to end, so this also shows the client works
 * with its gRPC and OpenTelemetry parts left out.
 */
final class LoopbackGcs implements AutoCloseable {

    /** What a finished upload left: the object's metadata as the client sent it, and the content's size and digest. */
    record Upload(JsonNode metadata, long size, String sha256) {
    }

    /** Objects per page of a listing: small, so listing a handful of objects takes several pages. */
    static final int PAGE_SIZE = 2;

    /** The query parameters of each listing request, in order. */
    final List<Map<String, String>> listings = new CopyOnWriteArrayList<>();
    /** The query parameters of each session start, in order. */
    final List<Map<String, String>> sessionStarts = new CopyOnWriteArrayList<>();
    /** Finished uploads by object name. */
    final Map<String, Upload> objects = new ConcurrentHashMap<>();
    /**
     * Names another writer creates while an upload to them is under way (after its session started, before its
     * content arrived), so the upload's precondition fails when it completes.
     */
    final Set<String> racedBy = ConcurrentHashMap.newKeySet();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, JsonNode> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger sessionIds = new AtomicInteger();

    LoopbackGcs() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            } catch (RuntimeException | IOException e) {
                e.printStackTrace();
                throw e;
            }
        });
        server.start();
    }

    /** A client of this server over the HTTP transport, without credentials or retries. */
    Storage storage() {
        return StorageOptions.newBuilder()
                .setProjectId("loopback")
                .setCredentials(NoCredentials.getInstance())
                .setHost(endpoint())
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build()
                .getService();
    }

    String endpoint() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (method.equals("POST") && path.startsWith("/upload/storage/v1/b/")
                && "resumable".equals(query.get("uploadType"))) {
            startSession(exchange, query);
        } else if (method.equals("GET") && path.startsWith("/storage/v1/b/") && path.endsWith("/o")) {
            list(exchange, path.substring("/storage/v1/b/".length(), path.length() - "/o".length()), query);
        } else if (method.equals("PUT") && path.startsWith("/upload/session/")) {
            finishSession(exchange, path.substring("/upload/session/".length()));
        } else {
            respond(exchange, 501, error(501, "not in the loopback server: " + method + " " + path, "notImplemented"));
        }
    }

    private void startSession(HttpExchange exchange, Map<String, String> query) throws IOException {
        sessionStarts.add(query);
        JsonNode metadata = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String name = query.getOrDefault("name", metadata.path("name").asText());
        if ("0".equals(query.get("ifGenerationMatch")) && objects.containsKey(name)) {
            respond(exchange, 412, error(412, "At least one of the pre-conditions you specified did not hold.",
                    "conditionNotMet"));
            return;
        }
        String id = String.valueOf(sessionIds.incrementAndGet());
        // The session remembers the precondition, as Cloud Storage's does, to check it again when the upload ends.
        sessions.put(id, ((ObjectNode) metadata).put("name", name)
                .put("ifGenerationMatch", query.getOrDefault("ifGenerationMatch", "")));
        exchange.getResponseHeaders().add("Location", endpoint() + "/upload/session/" + id);
        respond(exchange, 200, "");
    }

    private void finishSession(HttpExchange exchange, String id) throws IOException {
        JsonNode metadata = sessions.remove(id);
        if (metadata == null) {
            respond(exchange, 404, error(404, "no upload session " + id, "notFound"));
            return;
        }
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; size += n) {
                digest.update(buffer, 0, n);
            }
        }
        String name = metadata.path("name").asText();
        if (racedBy.remove(name)) {
            objects.put(name, new Upload(metadata, 0, sha256(new byte[0])));
        }
        if (metadata.path("ifGenerationMatch").asText().equals("0") && objects.containsKey(name)) {
            respond(exchange, 412, error(412, "At least one of the pre-conditions you specified did not hold.",
                    "conditionNotMet"));
            return;
        }
        objects.put(name, new Upload(metadata, size, HexFormat.of().formatHex(digest.digest())));
        ObjectNode object = JSON.createObjectNode()
                .put("kind", "storage#object")
                .put("bucket", metadata.path("bucket").asText())
                .put("name", name)
                .put("size", String.valueOf(size))
                .put("generation", "1")
                .put("metageneration", "1");
        if (metadata.hasNonNull("contentType")) {
            object.put("contentType", metadata.get("contentType").asText());
        }
        respond(exchange, 200, object.toString());
    }

    /** Lists the objects under {@code prefix} in name order, {@link #PAGE_SIZE} a page, as {@code objects.list}. */
    private void list(HttpExchange exchange, String bucket, Map<String, String> query) throws IOException {
        listings.add(query);
        String prefix = query.getOrDefault("prefix", "");
        List<String> names = objects.keySet().stream().filter(name -> name.startsWith(prefix)).sorted().toList();
        int from = Integer.parseInt(query.getOrDefault("pageToken", "0"));
        int to = Math.min(names.size(), from + PAGE_SIZE);
        ObjectNode page = JSON.createObjectNode().put("kind", "storage#objects");
        ArrayNode items = page.putArray("items");
        for (String name : names.subList(from, to)) {
            items.addObject()
                    .put("kind", "storage#object")
                    .put("bucket", bucket)
                    .put("name", name)
                    .put("size", String.valueOf(objects.get(name).size()))
                    .put("generation", "1");
        }
        if (to < names.size()) {
            page.put("nextPageToken", String.valueOf(to));
        }
        respond(exchange, 200, page.toString());
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String error(int code, String message, String reason) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode inner = error.putObject("error").put("code", code).put("message", message);
        inner.putArray("errors").addObject().put("message", message).put("reason", reason).put("domain", "global");
        return error.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(key, value);
            }
        }
        return query;
    }
}
