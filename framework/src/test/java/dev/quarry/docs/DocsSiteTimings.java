package dev.quarry.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.quarry.browser.HeadlessChromium;
import dev.quarry.browser.Page;

/**
 * A benchmark program, not a test (run by {@code bench/docs-site-benchmark.sh}): opens a generated docs site from
 * {@code file://} in headless Chromium, a fresh browser per run, and measures inside the page with the Performance API
 * and {@code performance.now()}:
 * <ul>
 * <li>first paint and first contentful paint ({@code performance.getEntriesByType('paint')});</li>
 * <li>search ready: the {@code quarry-index-ready} mark the site sets when {@code data/index.js} has run
 * {@code window.quarrySite.index} (the search answers from then on; the graph libraries load after it);</li>
 * <li>a keystroke: from setting the search box's value one character longer and dispatching its {@code input} event
 * until the frame showing the results list has been rendered (a task queued from the next animation frame), for each
 * character of the query typed in turn.</li>
 * </ul>
 * Prints a Markdown table (median, min, max over the runs; keystrokes over every keystroke of every run).
 *
 * <p>usage: {@code DocsSiteTimings SITE_DIR [--runs N] [--query TEXT]}
 */
public final class DocsSiteTimings {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private DocsSiteTimings() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: DocsSiteTimings SITE_DIR [--runs N] [--query TEXT]");
        }
        Path site = Path.of(args[0]).toAbsolutePath();
        int runs = 5;
        String query = "int_2045";
        for (int index = 1; index + 1 < args.length; index += 2) {
            switch (args[index]) {
                case "--runs" -> runs = Integer.parseInt(args[index + 1]);
                case "--query" -> query = args[index + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[index]);
            }
        }
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new IllegalArgumentException("no index.html in " + site);
        }
        List<Double> firstPaint = new ArrayList<>();
        List<Double> firstContentfulPaint = new ArrayList<>();
        List<Double> searchReady = new ArrayList<>();
        List<Double> firstKeystroke = new ArrayList<>();
        List<Double> keystrokes = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            HeadlessChromium chromium = HeadlessChromium.start()
                    .orElseThrow(() -> new IllegalStateException(HeadlessChromium.NOT_INSTALLED));
            try (chromium; Page page = chromium.open(site.resolve("index.html").toUri())) {
                page.setViewport(1280, 1000);
                page.waitFor("performance.getEntriesByType('paint').length >= 2", WAIT);
                firstPaint.add(paint(page, "first-paint"));
                firstContentfulPaint.add(paint(page, "first-contentful-paint"));
                // The site marks when its index has run (the search works from then on).
                page.waitFor("performance.getEntriesByName('quarry-index-ready').length > 0", Duration.ofSeconds(30));
                searchReady.add(number(page.evaluate(
                        "performance.getEntriesByName('quarry-index-ready')[0].startTime")));
                if (!Boolean.TRUE.equals(page.evaluate("window.quarrySite.find('" + query.substring(0, 1)
                        + "').length > 0"))) {
                    throw new IllegalStateException("the search finds nothing for '" + query.charAt(0) + "'");
                }
                for (int typed = 1; typed <= query.length(); typed++) {
                    double millis = page.measure(keystroke(query.substring(0, typed)));
                    (typed == 1 ? firstKeystroke : keystrokes).add(millis);
                    Object shown = page.evaluate("document.querySelectorAll('#results li').length");
                    if (number(shown) == 0) {
                        throw new IllegalStateException("no results shown for '" + query.substring(0, typed) + "'");
                    }
                }
                if (!page.consoleErrors().isEmpty()) {
                    throw new IllegalStateException("the page reported errors: " + page.consoleErrors());
                }
            }
            System.err.printf(Locale.ROOT, "[bench] run %d/%d: first contentful paint %.1f ms, search ready %.1f ms,"
                    + " first keystroke %.1f ms%n", run, runs, firstContentfulPaint.get(run - 1),
                    searchReady.get(run - 1), firstKeystroke.get(run - 1));
        }
        keystrokes.addAll(firstKeystroke);
        System.out.println("| site, " + runs + " runs (fresh headless Chromium each) | median ms | min | max | samples"
                + " | target ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        row("first paint", firstPaint, 200);
        row("first contentful paint", firstContentfulPaint, 200);
        row("search ready (the site's mark: index.js ran)", searchReady, 200);
        row("first keystroke ('" + query.charAt(0) + "', the most results)", firstKeystroke, 200);
        row("every keystroke of typing '" + query + "'", keystrokes, 200);
        System.out.printf(Locale.ROOT, "%ndata/index.js: %,d bytes%n", Files.size(site.resolve("data/index.js")));
    }

    /** Types the last character of {@code text}: the box holds all but it already (set before, not timed). */
    private static String keystroke(String text) {
        String before = text.substring(0, text.length() - 1);
        return "(() => { const box = document.getElementById('search');"
                + " if (box.value !== " + literal(before) + ") throw new Error('the box holds ' + box.value);"
                + " box.value = " + literal(text) + ";"
                + " box.dispatchEvent(new InputEvent('input', { bubbles: true, data: "
                + literal(text.substring(text.length() - 1)) + ", inputType: 'insertText' }));"
                // The frame after the input: its callback runs before that frame's style, layout and paint, and a task
                // queued from it runs after them.
                + " return new Promise(done => requestAnimationFrame(() => setTimeout(done, 0))); })()";
    }

    private static double paint(Page page, String name) {
        Object entry = page.evaluate("performance.getEntriesByType('paint').find(e => e.name === '" + name
                + "')?.startTime");
        if (entry == null) {
            throw new IllegalStateException("no " + name + " entry");
        }
        return number(entry);
    }

    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalStateException("not a number: " + value);
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void row(String label, List<Double> values, int target) {
        List<Double> sorted = values.stream().sorted().toList();
        int size = sorted.size();
        double median = size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d | ≤ %d (%s) |%n", label, median, sorted.get(0),
                sorted.get(size - 1), size, target, median <= target ? "met" : "MISSED");
    }
}
