package dev.quarry.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser harness against a real headless Chromium, on small pages opened from {@code file://} as the generated
 * site will be. One browser for the class (starting one takes most of a second), a fresh tab per test. Skips when
 * no Chromium is installed.
 */
class HeadlessChromiumIT {

    private static HeadlessChromium chromium;

    @TempDir
    Path dir;

    private Page page;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start().orElse(null);
    }

    /** Per test, not in {@code @BeforeAll}: failsafe then lists every test as skipped, with the reason. */
    @BeforeEach
    void requireChromium() {
        Assumptions.assumeTrue(chromium != null, HeadlessChromium.NOT_INSTALLED);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void closeTab() {
        if (page != null) {
            page.close();
        }
    }

    private Page open(String fileName, String html) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        page = chromium.open(file.toUri());
        return page;
    }

    @Test
    void evaluateReturnsNumbersStringsListsAndObjectsAsMaps() throws IOException {
        open("values.html", "<!doctype html><title>Values</title><body><p id=greeting>hello</p></body>");

        assertThat(page.evaluate("1 + 2")).isEqualTo(3);
        assertThat(page.evaluate("1 / 4")).isEqualTo(0.25);
        assertThat(page.evaluate("document.title")).isEqualTo("Values");
        assertThat(page.evaluate("document.getElementById('greeting').textContent")).isEqualTo("hello");
        assertThat(page.evaluate("true")).isEqualTo(true);
        assertThat(page.evaluate("undefined")).isNull();
        assertThat(page.evaluate("0 / 0")).isEqualTo(Double.NaN);
        assertThat(page.evaluate("[1, 'two', null]")).isEqualTo(Arrays.asList(1, "two", null));
        assertThat(page.evaluate("({name: 'stg_orders', rows: 42, tags: ['daily']})"))
                .isEqualTo(Map.of("name", "stg_orders", "rows", 42, "tags", List.of("daily")));
        // A promise is awaited.
        assertThat(page.evaluate("new Promise(resolve => setTimeout(() => resolve('later'), 10))"))
                .isEqualTo("later");
    }

    @Test
    void aJavaScriptExceptionInEvaluateIsAnAssertionErrorWithItsMessage() throws IOException {
        open("throws.html", "<!doctype html><title>Throws</title>");

        assertThatThrownBy(() -> page.evaluate("(() => { throw new Error('no such model: orders'); })()"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no such model: orders");
        assertThatThrownBy(() -> page.evaluate("Promise.reject(new TypeError('rejected'))"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TypeError: rejected");
    }

    @Test
    void consoleErrorsReportConsoleErrorCallsAndUncaughtExceptions() throws IOException {
        open("errors.html", """
                <!doctype html><title>Errors</title>
                <script>console.error('manifest missing', 404);</script>
                <script>console.log('just a log'); console.warn('just a warning');</script>
                <script>throw new Error('kaput');</script>
                """);

        List<String> errors = page.consoleErrors();

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("manifest missing 404").contains("errors.html:2");
        assertThat(errors.get(1)).contains("Uncaught").contains("Error: kaput").contains("errors.html:4");
    }

    @Test
    void aCleanPageReportsNoErrors() throws IOException {
        open("clean.html", "<!doctype html><title>Clean</title><script>console.log('fine');</script><p>ok</p>");

        assertThat(page.consoleErrors()).isEmpty();
    }

    @Test
    void aScriptThatFailsToLoadIsAnError() throws IOException {
        open("missing-script.html", "<!doctype html><title>Missing</title><script src=\"nowhere.js\"></script>");

        assertThat(page.consoleErrors()).anySatisfy(error -> assertThat(error).contains("nowhere.js"));
    }

    @Test
    void aFilePageLoadsItsSiblingScript() throws IOException {
        Files.writeString(dir.resolve("app.js"), """
                window.quarryData = {models: 3};
                document.addEventListener('DOMContentLoaded', () => {
                  document.getElementById('count').textContent = String(window.quarryData.models);
                });
                """);
        open("with-script.html", """
                <!doctype html><title>Site</title><script src="app.js"></script>
                <p>Models: <span id="count">?</span></p>
                """);

        assertThat(page.evaluate("window.quarryData.models")).isEqualTo(3);
        assertThat(page.evaluate("document.getElementById('count').textContent")).isEqualTo("3");
        assertThat(page.consoleErrors()).isEmpty();
    }

    @Test
    void clickChangesTheDom() throws IOException {
        open("click.html", """
                <!doctype html><title>Click</title>
                <button id="expand" onclick="document.getElementById('details').hidden = false">More</button>
                <div id="details" hidden>Columns</div>
                """);

        assertThat(page.evaluate("document.getElementById('details').hidden")).isEqualTo(true);
        page.click("#expand");

        assertThat(page.evaluate("document.getElementById('details').hidden")).isEqualTo(false);
        assertThatThrownBy(() -> page.click("#no-such-button"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No element matches #no-such-button");
    }

    @Test
    void typeFillsAnInputAndFiresItsInputListener() throws IOException {
        open("type.html", """
                <!doctype html><title>Type</title>
                <input id="search">
                <p id="echo"></p>
                <script>
                  window.inputEvents = 0;
                  document.getElementById('search').addEventListener('input', event => {
                    window.inputEvents++;
                    document.getElementById('echo').textContent = 'searching ' + event.target.value;
                  });
                </script>
                """);

        page.type("#search", "stg_");
        page.type("#search", "orders");

        assertThat(page.evaluate("document.getElementById('search').value")).isEqualTo("stg_orders");
        assertThat(page.evaluate("document.getElementById('echo').textContent")).isEqualTo("searching stg_orders");
        assertThat(page.evaluate("window.inputEvents")).isEqualTo(2);
    }

    @Test
    void waitForWaitsForAConditionAndTimesOutWithAClearMessage() throws IOException {
        open("wait.html", """
                <!doctype html><title>Wait</title>
                <script>setTimeout(() => document.body.dataset.ready = 'yes', 100);</script>
                """);

        page.waitFor("document.body.dataset.ready === 'yes'", Duration.ofSeconds(5));

        long started = System.nanoTime();
        assertThatThrownBy(() -> page.waitFor("document.querySelector('#never').hidden", Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Timed out after 300 ms waiting for `document.querySelector('#never').hidden`")
                .hasMessageContaining("Cannot read properties of null");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void screenshotWritesAPng() throws IOException {
        open("shot.html", "<!doctype html><title>Shot</title><body style=\"background:#1e6f5c\"><h1>Quarry</h1>");
        page.setViewport(640, 360);

        Path file = page.screenshot(Path.of("target", "screenshots", "HeadlessChromiumIT.png"));

        byte[] png = Files.readAllBytes(file);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        // The IHDR chunk holds the width and height: the viewport's.
        assertThat(ByteBuffer.wrap(png, 16, 8).getInt()).isEqualTo(640);
        assertThat(ByteBuffer.wrap(png, 20, 4).getInt()).isEqualTo(360);
    }

    @Test
    void setViewportResizesTheLayoutViewport() throws IOException {
        open("viewport.html", "<!doctype html><title>Viewport</title>");

        page.setViewport(375, 667);

        assertThat(page.evaluate("[window.innerWidth, window.innerHeight]")).isEqualTo(List.of(375, 667));
    }

    @Test
    void measureTimesAnActionInThePage() throws IOException {
        open("measure.html", "<!doctype html><title>Measure</title>");

        double millis = page.measure("new Promise(resolve => setTimeout(resolve, 50))");

        assertThat(millis).isBetween(45.0, 2_000.0);
        assertThat(page.measure("document.title.length")).isGreaterThanOrEqualTo(0.0).isLessThan(50.0);
    }

    @Test
    void openingAMissingFileFails() {
        assertThatThrownBy(() -> chromium.open(dir.resolve("absent.html").toUri()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("absent.html")
                .hasMessageContaining("ERR_FILE_NOT_FOUND");
    }

    @Test
    void closeStopsTheBrowserAndEveryHelperAndDeletesTheProfile() throws IOException {
        // A browser of its own: closing the class's one would end the other tests.
        HeadlessChromium own = HeadlessChromium.start().orElseThrow();
        List<ProcessHandle> processes = new ArrayList<>();
        Path tempDir = own.tempDir();
        try {
            // Headless Chromium calls itself "Chrome/<version>" (the old headless mode: "HeadlessChrome/...").
            assertThat(own.version()).matches("(Headless)?Chrome/\\d+(\\.\\d+)*");
            Page tab = own.open(Files.writeString(dir.resolve("own.html"), "<!doctype html><title>Own</title>")
                    .toUri());
            assertThat(tab.evaluate("document.title")).isEqualTo("Own");
            processes.addAll(own.processHandle().descendants().toList());
            processes.add(own.processHandle());
            // With the crash handlers, which leave the tree: every process naming the browser's temporary directory.
            ProcessHandle.allProcesses()
                    .filter(each -> each.info().commandLine().map(line -> line.contains(tempDir.toString()))
                            .orElse(false))
                    .forEach(processes::add);
            assertThat(processes).hasSizeGreaterThan(1); // Chromium's renderer, GPU and utility helpers.
        } finally {
            own.close();
        }
        own.close(); // Twice is harmless.

        assertThat(processes).noneMatch(HeadlessChromium::isRunning);
        assertThat(tempDir).doesNotExist();
        assertThatThrownBy(() -> own.open(dir.resolve("own.html").toUri())).isInstanceOf(IllegalStateException.class);
    }
}
