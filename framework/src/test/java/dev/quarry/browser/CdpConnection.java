package dev.quarry.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One WebSocket to the browser's DevTools endpoint: numbered requests matched to their responses, and events handed
 * to listeners. Pages are reached through it too, in CDP's "flat" session mode (each message names its
 * {@code sessionId}), so one connection serves the browser and all its tabs.
 *
 * <p>Every call has a timeout (15 s unless told), so a browser that stops answering fails a test instead of hanging
 * it; when the socket closes, every waiting call fails at once.
 */
public final class CdpConnection implements AutoCloseable {

    /** How long a CDP call may take unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final List<Subscription> listeners = new CopyOnWriteArrayList<>();
    private final WebSocket socket;
    private volatile String closedReason;

    private record Pending(String method, CompletableFuture<JsonNode> result) {
    }

    private record Subscription(String sessionId, String method, Consumer<JsonNode> listener) {
    }

    private CdpConnection(URI endpoint, Duration timeout) {
        Receiver receiver = new Receiver();
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(endpoint, receiver)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException("Interrupted while connecting to " + endpoint, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new CdpException("Could not connect to the DevTools endpoint " + endpoint + ": " + e, e);
        }
    }

    /**
     * Connects to a DevTools WebSocket endpoint ({@code ws://127.0.0.1:<port>/devtools/browser/<id>}).
     *
     * @param endpoint the browser's DevTools WebSocket URL
     * @param timeout how long the handshake may take
     * @return the open connection
     * @throws CdpException when the connection cannot be made in time
     */
    public static CdpConnection open(URI endpoint, Duration timeout) {
        return new CdpConnection(endpoint, timeout);
    }

    /**
     * Sends a command and waits (at most {@link #DEFAULT_TIMEOUT}) for its result.
     *
     * @param sessionId the target session the command is for, or {@code null} for the browser itself
     * @param method the CDP method, e.g. {@code Page.navigate}
     * @param params its parameters (Jackson turns maps, lists, strings, numbers and booleans into JSON)
     * @return the response's {@code result} object
     * @throws CdpException when the browser answers with an error, does not answer in time, or the socket closed
     */
    public JsonNode send(String sessionId, String method, Map<String, ?> params) {
        return send(sessionId, method, params, DEFAULT_TIMEOUT);
    }

    /**
     * Sends a command and waits for its result.
     *
     * @param sessionId the target session the command is for, or {@code null} for the browser itself
     * @param method the CDP method
     * @param params its parameters
     * @param timeout how long to wait for the answer
     * @return the response's {@code result} object
     * @throws CdpException when the browser answers with an error, does not answer in time, or the socket closed
     */
    public JsonNode send(String sessionId, String method, Map<String, ?> params, Duration timeout) {
        CompletableFuture<JsonNode> result = sendAsync(sessionId, method, params);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdpException("Interrupted while waiting for " + method, e);
        } catch (TimeoutException e) {
            throw new CdpException("The browser did not answer " + method + " within " + timeout.toMillis() + " ms",
                    e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof CdpException cdp ? cdp
                    : new CdpException(method + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Sends a command without waiting; the future completes with the response's {@code result}, or exceptionally
     * with a {@link CdpException}.
     *
     * @param sessionId the target session, or {@code null} for the browser
     * @param method the CDP method
     * @param params its parameters
     * @return the pending result
     */
    public CompletableFuture<JsonNode> sendAsync(String sessionId, String method, Map<String, ?> params) {
        long id = nextId.getAndIncrement();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, new Pending(method, result));
        if (closedReason != null) {
            fail(id, "the DevTools connection is closed (" + closedReason + ")");
            return result;
        }
        // The JDK's WebSocket allows one outstanding send at a time: callers on several threads take turns.
        synchronized (this) {
            try {
                socket.sendText(message.toString(), true).get(DEFAULT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(id, "interrupted while sending");
            } catch (ExecutionException | TimeoutException e) {
                fail(id, "could not send it: " + e);
            }
        }
        return result;
    }

    /**
     * Registers a listener for an event. Listeners run on the WebSocket's thread: they must be quick and must not
     * wait for another CDP call (its answer arrives on that same thread).
     *
     * @param sessionId the session whose events to hear, or {@code null} for the browser's own events
     * @param method the event, e.g. {@code Runtime.consoleAPICalled}
     * @param listener receives the event's {@code params}
     * @return closing it removes the listener
     */
    public AutoCloseable on(String sessionId, String method, Consumer<JsonNode> listener) {
        Subscription subscription = new Subscription(sessionId, method, listener);
        listeners.add(subscription);
        return () -> listeners.remove(subscription);
    }

    /** Closes the socket (without waiting for the browser's goodbye) and fails every call still waiting. */
    @Override
    public void close() {
        closed("closed by the test harness");
        socket.abort();
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // Not JSON: nothing a test could use; the call it answered (if any) will time out clearly.
        }
        if (message.has("id")) {
            Pending call = pending.remove(message.get("id").asLong());
            if (call == null) {
                return;
            }
            JsonNode error = message.get("error");
            if (error != null) {
                call.result().completeExceptionally(new CdpException(call.method() + " failed: "
                        + error.path("message").asText() + " (" + error.path("code").asInt() + ")"
                        + (error.has("data") ? ": " + error.get("data").asText() : "")));
            } else {
                call.result().complete(message.path("result"));
            }
            return;
        }
        String method = message.path("method").asText();
        String sessionId = message.hasNonNull("sessionId") ? message.get("sessionId").asText() : null;
        JsonNode params = message.path("params");
        for (Subscription each : listeners) {
            if (each.method().equals(method) && Objects.equals(each.sessionId(), sessionId)) {
                try {
                    each.listener().accept(params);
                } catch (RuntimeException e) {
                    // A failing listener must not stop the others, nor the socket's reading of later messages.
                }
            }
        }
    }

    private void closed(String reason) {
        if (closedReason == null) {
            closedReason = reason;
        }
        for (Long id : List.copyOf(pending.keySet())) {
            fail(id, "the DevTools connection closed (" + reason + ")");
        }
    }

    private void fail(long id, String why) {
        Pending call = pending.remove(id);
        if (call != null) {
            call.result().completeExceptionally(new CdpException(call.method() + " failed: " + why));
        }
    }

    /** Reads the socket: joins a message's fragments (a screenshot arrives in many), then dispatches it. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed("the browser closed it: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed("error: " + error);
        }
    }

    /** A CDP call that failed: an error answer, no answer in time, or a closed connection. */
    public static final class CdpException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CdpException(String message) {
            super(message);
        }

        CdpException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
