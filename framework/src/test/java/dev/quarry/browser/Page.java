package dev.quarry.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One browser tab. Every method waits for its answer (at most {@link CdpConnection#DEFAULT_TIMEOUT} per CDP call)
 * and reports a problem in the page (a JavaScript exception, a missing element, a condition never met) as an
 * {@link AssertionError}, so it reads as a test failure with the page's own message.
 *
 * <p>Console errors, uncaught exceptions and browser log errors (e.g. a script or stylesheet that failed to load) are
 * collected from the moment the tab opens: see {@link #consoleErrors()}.
 */
public final class Page implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    private final CdpConnection cdp;
    private final String targetId;
    private final String sessionId;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    /** The loaders (one per navigation) whose document has fired its load event. */
    private final Set<String> loaded = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private volatile boolean closed;

    private Page(CdpConnection cdp, String targetId, String sessionId) {
        this.cdp = cdp;
        this.targetId = targetId;
        this.sessionId = sessionId;
    }

    /** Creates a blank tab, attaches to it, starts listening, then navigates, so no early error is missed. */
    static Page open(CdpConnection cdp, URI url) {
        String targetId = cdp.send(null, "Target.createTarget", Map.of("url", "about:blank"))
                .path("targetId").asText();
        // Flat mode: the tab's messages travel on the browser's socket, tagged with this session id.
        String sessionId = cdp.send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .path("sessionId").asText();
        Page page = new Page(cdp, targetId, sessionId);
        try {
            page.listen();
            page.navigate(url);
            return page;
        } catch (RuntimeException | AssertionError e) {
            page.close();
            throw e;
        }
    }

    private void listen() {
        subscriptions.add(cdp.on(sessionId, "Runtime.consoleAPICalled", event -> {
            if ("error".equals(event.path("type").asText())) {
                List<String> parts = new ArrayList<>();
                event.path("args").forEach(arg -> parts.add(describe(arg)));
                errors.add("console.error: " + String.join(" ", parts) + at(event.path("stackTrace")
                        .path("callFrames").path(0)));
            }
        }));
        subscriptions.add(cdp.on(sessionId, "Runtime.exceptionThrown", event -> {
            JsonNode details = event.path("exceptionDetails");
            JsonNode exception = details.path("exception");
            String what = exception.isMissingNode() ? "" : " " + describe(exception).lines().findFirst().orElse("");
            errors.add(details.path("text").asText("Uncaught") + what + at(details));
        }));
        subscriptions.add(cdp.on(sessionId, "Log.entryAdded", event -> {
            JsonNode entry = event.path("entry");
            if ("error".equals(entry.path("level").asText())) {
                errors.add(entry.path("source").asText("log") + ": " + entry.path("text").asText()
                        + (entry.hasNonNull("url") ? " (" + entry.get("url").asText() + ")" : ""));
            }
        }));
        subscriptions.add(cdp.on(sessionId, "Page.lifecycleEvent", event -> {
            if ("load".equals(event.path("name").asText())) {
                loaded.add(event.path("loaderId").asText());
            }
        }));
        cdp.send(sessionId, "Page.enable", Map.of());
        cdp.send(sessionId, "Page.setLifecycleEventsEnabled", Map.of("enabled", true));
        cdp.send(sessionId, "Runtime.enable", Map.of());
        cdp.send(sessionId, "Log.enable", Map.of());
    }

    /**
     * Navigates this tab and waits for the new document's load event.
     *
     * @param url the page to show
     * @throws AssertionError when the navigation fails or the page does not load within 15 s
     */
    public void navigate(URI url) {
        JsonNode result = cdp.send(sessionId, "Page.navigate", Map.of("url", url.toString()));
        if (result.hasNonNull("errorText")) {
            throw new AssertionError("Could not open " + url + ": " + result.get("errorText").asText());
        }
        // Waiting for the load of *this* navigation's loader: the blank page's earlier load must not count.
        // (A same-document navigation, e.g. to an #anchor, has no loader and nothing to wait for.)
        String loaderId = result.path("loaderId").asText("");
        if (!loaderId.isEmpty()) {
            awaitTrue(() -> loaded.contains(loaderId), CdpConnection.DEFAULT_TIMEOUT,
                    () -> "Timed out after " + CdpConnection.DEFAULT_TIMEOUT.toSeconds() + " s waiting for " + url
                            + " to load");
        }
    }

    /**
     * Evaluates a JavaScript expression in the page and returns its value; a promise is awaited.
     *
     * @param expression e.g. {@code document.title} or {@code fetch('data.json').then(r => r.status)}
     * @return the value as JSON maps it to Java: {@code null} (also for {@code undefined}), {@code Boolean},
     *     {@code String}, a number ({@code Integer}, {@code Long} or {@code Double}: compare through
     *     {@code Number}), {@code List} for arrays, {@code Map} for objects; {@code NaN} and the infinities as
     *     {@code Double}. DOM nodes and functions do not serialize (they come back as empty maps or null).
     * @throws AssertionError when the expression throws (or its promise rejects), with the JavaScript message
     */
    public Object evaluate(String expression) {
        JsonNode answer = cdp.send(sessionId, "Runtime.evaluate", Map.of(
                "expression", expression,
                "returnByValue", true,
                "awaitPromise", true,
                // As if a user did it: lets clicks open popups, focus, play media, use the clipboard.
                "userGesture", true));
        JsonNode details = answer.get("exceptionDetails");
        if (details != null) {
            JsonNode exception = details.path("exception");
            String message = exception.isMissingNode() ? details.path("text").asText() : describe(exception);
            throw new AssertionError("JavaScript threw while evaluating `" + expression + "`: " + message);
        }
        return toJava(answer.path("result"));
    }

    /**
     * Waits until a JavaScript condition is truthy, checking every 25 ms. A condition that throws (e.g. reading a
     * property of an element that is not there yet) counts as not met yet.
     *
     * @param jsCondition e.g. {@code document.querySelectorAll('.row').length === 10}
     * @param timeout how long to wait
     * @throws AssertionError naming the condition (and its last JavaScript error) when it is not met in time
     */
    public void waitFor(String jsCondition, Duration timeout) {
        String[] lastError = {null};
        awaitTrue(() -> {
            try {
                return Boolean.TRUE.equals(evaluate("Boolean(" + jsCondition + "\n)"));
            } catch (AssertionError e) {
                lastError[0] = e.getMessage();
                return false;
            }
        }, timeout, () -> "Timed out after " + timeout.toMillis() + " ms waiting for `" + jsCondition + "`"
                + (lastError[0] == null ? "" : " (it last threw: " + lastError[0] + ")"));
    }

    /**
     * Clicks the first element a CSS selector matches (its {@code click()}: listeners run, links are followed,
     * checkboxes toggle, forms submit).
     *
     * @param cssSelector e.g. {@code #run-button} or {@code nav a[href="models.html"]}
     * @throws AssertionError when no element matches, or a click listener throws
     */
    public void click(String cssSelector) {
        evaluate("(() => { const el = " + element(cssSelector) + "; el.click(); })()");
    }

    /**
     * Types text into the element a CSS selector matches, at its caret, as a keyboard would: the element gets the
     * focus, the text is inserted through the browser's input pipeline (so {@code beforeinput} and {@code input}
     * listeners run, once per call, with {@code inputType "insertText"}).
     *
     * @param cssSelector the input, textarea or contenteditable element
     * @param text the text to insert
     * @throws AssertionError when no element matches or it cannot take the focus
     */
    public void type(String cssSelector, String text) {
        evaluate("(() => { const el = " + element(cssSelector) + "; el.focus();"
                + " if (document.activeElement !== el) throw new Error('Element ' + " + literal(cssSelector)
                + " + ' cannot take the focus'); })()");
        cdp.send(sessionId, "Input.insertText", Map.of("text", text));
    }

    /**
     * The errors the page reported since it opened, in order: {@code console.error(...)} calls, uncaught exceptions
     * and unhandled rejections, and the browser's own error log entries (a resource that failed to load, a CSP
     * violation). Each one line, with the script's URL and line where known.
     *
     * @return a snapshot; empty for a clean page
     */
    public List<String> consoleErrors() {
        return List.copyOf(errors);
    }

    /**
     * Captures the visible part of the page as a PNG.
     *
     * @param file where to write it (parent directories are created), e.g. {@code target/screenshots/home.png}
     * @return {@code file}
     */
    public Path screenshot(Path file) {
        String data = cdp.send(sessionId, "Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, Base64.getDecoder().decode(data));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the screenshot " + file, e);
        }
        return file;
    }

    /**
     * Times a JavaScript action in the page with {@code performance.now()}: the time from the expression's start
     * until it returns, or, when it returns a promise, until that resolves (to include rendering, return e.g.
     * {@code new Promise(r => requestAnimationFrame(() => r()))} after the action). No CDP round trip is counted.
     *
     * @param jsExpression the action, e.g. {@code filterTable('mart_')}
     * @return milliseconds, with the page's timer resolution (coarsened by browsers, to 0.1 ms or so)
     * @throws AssertionError when the action throws
     */
    public double measure(String jsExpression) {
        Object millis = evaluate("(async () => { const started = performance.now();"
                + " await (async () => (" + jsExpression + "\n))();"
                + " return performance.now() - started; })()");
        return ((Number) millis).doubleValue();
    }

    /**
     * Sets the size of the page's viewport, as a window of that size would (the layout, media queries and
     * screenshots follow it).
     *
     * @param width CSS pixels
     * @param height CSS pixels
     */
    public void setViewport(int width, int height) {
        cdp.send(sessionId, "Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Closes the tab. The browser's {@link HeadlessChromium#close()} closes any left open. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable each : subscriptions) {
            try {
                each.close();
            } catch (Exception e) {
                // Removing a listener from a list cannot fail.
            }
        }
        try {
            cdp.send(null, "Target.closeTarget", Map.of("targetId", targetId));
        } catch (RuntimeException e) {
            // The browser is already gone or closing: nothing left to close.
        }
    }

    /** A JavaScript expression for the element, throwing a clear error when the selector matches nothing. */
    private static String element(String cssSelector) {
        String selector = literal(cssSelector);
        return "(document.querySelector(" + selector + ") || (() => { throw new Error('No element matches ' + "
                + selector + "); })())";
    }

    /** A string as a JavaScript literal: JSON's quoting is valid JavaScript, whatever the string holds. */
    private static String literal(String text) {
        try {
            return CdpConnection.JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A remote object in one string: its value when it has one, else the browser's description. */
    private static String describe(JsonNode remote) {
        if (remote.has("value")) {
            JsonNode value = remote.get("value");
            return value.isTextual() ? value.asText() : value.toString();
        }
        if (remote.has("unserializableValue")) {
            return remote.get("unserializableValue").asText();
        }
        return remote.path("description").asText(remote.path("type").asText());
    }

    /** " (url:line)" of a call frame or exception, 1-based as editors count, or "" when unknown. */
    private static String at(JsonNode frame) {
        String url = frame.path("url").asText("");
        return url.isEmpty() ? "" : " (" + url + ":" + (frame.path("lineNumber").asInt() + 1) + ")";
    }

    private static Object toJava(JsonNode remote) {
        if (remote.has("unserializableValue")) {
            String value = remote.get("unserializableValue").asText();
            return switch (value) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "-0" -> -0.0d;
                default -> value; // A BigInt, e.g. "12n".
            };
        }
        JsonNode value = remote.get("value");
        return value == null || value.isNull() ? null : CdpConnection.JSON.convertValue(value, Object.class);
    }

    private interface Check {
        boolean met();
    }

    private static void awaitTrue(Check check, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (check.met()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting", e);
            }
        }
    }
}
