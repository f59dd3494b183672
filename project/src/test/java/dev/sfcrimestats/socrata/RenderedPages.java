package dev.sfcrimestats.socrata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Response bodies of a read-only (generated) fake, kept by request after the first time they are rendered: a
 * benchmark's repeated runs then measure the loader, not the fake's JSON and gzip work on the same two cores. Bounded:
 * past {@code maxBytes} bodies are rendered again each time.
 */
final class RenderedPages {

    /** Writes a body. */
    @FunctionalInterface
    interface Renderer {
        void render(OutputStream out) throws IOException;
    }

    private final ConcurrentHashMap<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    RenderedPages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body for a request: kept from before, or rendered now (and kept while there is room). */
    byte[] body(String request, Renderer renderer) throws IOException {
        byte[] kept = bodies.get(request);
        if (kept != null) {
            return kept;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        renderer.render(out);
        byte[] body = out.toByteArray();
        if (bytes.addAndGet(body.length) <= maxBytes) {
            bodies.putIfAbsent(request, body);
        } else {
            bytes.addAndGet(-body.length);
        }
        return body;
    }
}
