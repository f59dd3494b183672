package dev.quarry.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium process for browser tests, driven over the DevTools protocol.
 *
 * <pre>{@code
 * Optional<HeadlessChromium> started = HeadlessChromium.start();
 * Assumptions.assumeTrue(started.isPresent(), HeadlessChromium.NOT_INSTALLED);
 * try (HeadlessChromium chromium = started.get()) {
 *     Page page = chromium.open(site.resolve("index.html").toUri());
 *     page.click("#search");
 *     assertThat(page.consoleErrors()).isEmpty();
 * }
 * }</pre>
 *
 * <p>Each instance has its own temporary profile, so tests never share cookies, storage or a cache, and several
 * browsers can run at once. {@link #close()} stops the whole process tree and deletes the profile; a JVM shutdown hook
 * does the same if a test run ends without closing it.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Why browser tests skip: for {@code Assumptions.assumeTrue(started.isPresent(), NOT_INSTALLED)}. */
    public static final String NOT_INSTALLED = "No chromium binary on the PATH (nor in $QUARRY_CHROMIUM): browser "
            + "tests skipped. Install it with `apt-get install chromium` (Debian) to run them.";

    /** With this environment variable set to 1 (as {@code .ci/run} does), a missing Chromium fails instead. */
    public static final String REQUIRED = "QUARRY_REQUIRE_CHROMIUM";

    /** The names a Chromium binary goes by; Debian's package installs {@code chromium}. */
    private static final List<String> BINARY_NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path tempDir;
    private final CdpConnection cdp;
    private final Thread shutdownHook;
    private boolean closed;

    private HeadlessChromium(Process process, Path tempDir, CdpConnection cdp) {
        this.process = process;
        this.tempDir = tempDir;
        this.cdp = cdp;
        // Surefire/failsafe may end the JVM with a browser still open (a test that never reached close()): without
        // this, a chromium would outlive the build.
        this.shutdownHook = new Thread(() -> {
            destroy(processTree(process, tempDir));
            deleteRecursively(tempDir);
        }, "quarry-chromium-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Finds the Chromium binary: {@code $QUARRY_CHROMIUM} when set, else the first of {@code chromium},
     * {@code chromium-browser} or {@code google-chrome} on the {@code PATH}.
     *
     * @return the binary, or empty when there is none
     */
    public static Optional<Path> findBinary() {
        String configured = System.getenv("QUARRY_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : BINARY_NAMES) {
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts a headless Chromium with a fresh temporary profile and connects to it.
     *
     * @return the running browser, or empty when no Chromium is installed (see {@link #NOT_INSTALLED}): tests skip,
     *     unless {@value #REQUIRED} is 1
     * @throws IllegalStateException when a Chromium is installed but does not start (a broken install must fail the
     *     build, not skip its tests); the message includes the end of the browser's log
     */
    public static Optional<HeadlessChromium> start() {
        Optional<Path> binary = findBinary();
        if (binary.isEmpty()) {
            if ("1".equals(System.getenv(REQUIRED))) {
                // CI installs Chromium: there, a missing browser is a broken set-up, not a reason to skip.
                throw new IllegalStateException(NOT_INSTALLED.replace("browser tests skipped", "browser tests "
                        + "cannot run, and " + REQUIRED + "=1 asks for them"));
            }
            return Optional.empty();
        }
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("quarry-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path profile = tempDir.resolve("profile");
        Path log = tempDir.resolve("chromium.log");
        Process process = null;
        try {
            ProcessBuilder builder = new ProcessBuilder(binary.get().toString(),
                    "--headless=new",
                    // Root in CI containers, where Chromium's sandbox cannot start.
                    "--no-sandbox",
                    "--disable-gpu",
                    // Containers give /dev/shm 64 MB; Chromium's renderers crash when it fills, so use /tmp instead.
                    "--disable-dev-shm-usage",
                    // Port 0: the OS picks a free port, so parallel builds never collide; Chromium writes it to
                    // DevToolsActivePort in the profile.
                    "--remote-debugging-port=0",
                    "--user-data-dir=" + profile,
                    // Quiet and deterministic: no first-run pages, updates, sync or extensions doing work mid-test.
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--disable-extensions",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--mute-audio",
                    "about:blank");
            // Chromium's crash handlers (crashpad) keep their database under $XDG_CONFIG_HOME/chromium: in the
            // temporary directory, a test leaves nothing in ~/.config, and the handlers (which double-fork away from
            // the browser's process tree) name this directory on their command line, so close() can find them.
            builder.environment().put("XDG_CONFIG_HOME", tempDir.resolve("config").toString());
            builder.environment().put("XDG_CACHE_HOME", tempDir.resolve("cache").toString());
            process = builder
                    // The log goes to a file, not a pipe: nobody has to drain it (Chromium logs a lot without D-Bus,
                    // and a full pipe would block it), and a failed start can quote it.
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            URI endpoint = awaitDevToolsEndpoint(process, profile.resolve("DevToolsActivePort"), log);
            CdpConnection cdp = CdpConnection.open(endpoint, STARTUP_TIMEOUT);
            return Optional.of(new HeadlessChromium(process, tempDir, cdp));
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                destroy(processTree(process, tempDir));
            }
            String logTail = tail(log);
            deleteRecursively(tempDir);
            throw new IllegalStateException("Could not start " + binary.get() + ": " + e.getMessage()
                    + (logTail.isEmpty() ? "" : "\n--- chromium log (end) ---\n" + logTail), e);
        }
    }

    /**
     * Opens a URL in a new tab and waits for its load event (scripts have run, images and styles loaded).
     *
     * @param url the page, e.g. {@code file:///.../target/site/index.html} or {@code http://localhost:8080/}
     * @return the tab; console errors are collected from before the navigation starts
     * @throws AssertionError when the navigation fails (e.g. {@code net::ERR_FILE_NOT_FOUND}) or does not load in
     *     time
     */
    public synchronized Page open(URI url) {
        if (closed) {
            throw new IllegalStateException("This browser is closed");
        }
        return Page.open(cdp, url);
    }

    /**
     * The browser's version, as {@code Browser.getVersion} reports it (e.g. {@code Chrome/120.0.6099.224}).
     *
     * @return the product string
     */
    public String version() {
        return cdp.send(null, "Browser.getVersion", Map.of()).path("product").asText();
    }

    /**
     * Closes the tabs and the connection, stops the browser and every process it started, and deletes its
     * temporary profile. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The tree is listed before the browser exits: once it has, its helpers are orphans that descendants() no
        // longer finds, and they may still be running.
        List<ProcessHandle> tree = processTree(process, tempDir);
        try {
            // Asking first lets Chromium end its helpers (renderer, GPU, zygote) itself; the kill below is for when
            // it does not answer.
            cdp.sendAsync(null, "Browser.close", Map.of());
            process.waitFor(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A browser that cannot be asked is killed below.
        } finally {
            cdp.close();
            destroy(tree);
            deleteRecursively(tempDir);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook runs anyway.
            }
        }
    }

    /** The browser process (the launcher's, which Debian's script replaces by Chromium itself), for tests. */
    ProcessHandle processHandle() {
        return process.toHandle();
    }

    /** The temporary directory of the profile and the log, deleted by {@link #close()}; for tests. */
    Path tempDir() {
        return tempDir;
    }

    private static URI awaitDevToolsEndpoint(Process process, Path portFile, Path log) throws IOException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(portFile)) {
                // Chromium writes "<port>\n<browser path>"; a read between its two writes sees one line: try again.
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium exited with status " + process.exitValue()
                        + " before opening its DevTools port");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for chromium to start", e);
            }
        }
        throw new IllegalStateException("chromium did not open its DevTools port within "
                + STARTUP_TIMEOUT.toSeconds() + " s (no " + portFile + ")");
    }

    /**
     * The browser, every process it started, and the crash handlers that name its temporary directory (they leave
     * the tree by double-forking); children first. Only processes of this browser: the directory is its own.
     */
    private static List<ProcessHandle> processTree(Process process, Path tempDir) {
        Set<ProcessHandle> tree = new LinkedHashSet<>(process.descendants().toList());
        String dir = tempDir.toString();
        ProcessHandle.allProcesses()
                .filter(each -> each.info().commandLine().map(line -> line.contains(dir)).orElse(false))
                .forEach(tree::add);
        tree.add(process.toHandle());
        return new ArrayList<>(tree);
    }

    /** Ends the processes (SIGTERM, then SIGKILL for any still running after 3 s) and waits until they have. */
    private static void destroy(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        if (!awaitExit(processes, Duration.ofSeconds(3))) {
            processes.stream().filter(HeadlessChromium::isRunning).forEach(ProcessHandle::destroyForcibly);
            awaitExit(processes, Duration.ofSeconds(2));
        }
    }

    /**
     * Polls every 20 ms. Not {@code onExit()}: for a process that is not the JVM's child (the orphaned helpers) the
     * JDK polls from 300 ms upwards, which made every close() take seconds.
     */
    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processes.stream().anyMatch(HeadlessChromium::isRunning)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a process is still running. Unlike {@link ProcessHandle#isAlive()}, an exited process that its new
     * parent has not reaped yet (a zombie: the orphaned helpers, in a container whose init reaps them late) counts
     * as ended: it runs no code and holds no files. Reads {@code /proc} on Linux; elsewhere, {@code isAlive()}.
     *
     * @param process any process
     * @return true while it runs
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // "pid (command) state ...": the command may hold spaces and parentheses, so read after the last ')'.
            String afterCommand = stat.substring(stat.lastIndexOf(')') + 1).trim();
            return !(afterCommand.startsWith("Z") || afterCommand.startsWith("X"));
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // No /proc (not Linux), or the process just went.
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Deletes the profile; a helper still flushing a file can make one pass fail, so it tries a few times. */
    private static void deleteRecursively(Path dir) {
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(each);
                }
            } catch (IOException | UncheckedIOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
