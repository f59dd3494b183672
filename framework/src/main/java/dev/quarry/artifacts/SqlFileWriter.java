package dev.quarry.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.quarry.compile.ManifestNode;

/**
 * Writes SQL files on background threads as soon as they are known: each compiled node's SQL to
 * {@code target/compiled/<its path>} while the rest compiles, and the statements each node ran to
 * {@code target/run/<its path>} while the rest runs. Creating thousands of files mostly waits on the file system, and
 * that waiting overlaps the work. A file that already holds the same text is left alone, so a re-compile writes only
 * what changed.
 */
public final class SqlFileWriter implements AutoCloseable {

    private static final int THREADS = 4;

    private final Path root;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "quarry-sql-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();
    private final List<Future<?>> pending = new ArrayList<>();
    private final AtomicInteger written = new AtomicInteger();

    private SqlFileWriter(Path root) {
        this.root = root;
    }

    /** For {@code target/compiled/}: see {@link #accept(ManifestNode)}. */
    public static SqlFileWriter compiled(Path targetDir) {
        return new SqlFileWriter(targetDir.resolve("compiled"));
    }

    /** For {@code target/run/}: see {@link #acceptStatements(ManifestNode, List)}. */
    public static SqlFileWriter run(Path targetDir) {
        return new SqlFileWriter(targetDir.resolve("run"));
    }

    /** Queues a node's compiled SQL for writing; nodes without compiled SQL are ignored. Thread-safe. */
    public void accept(ManifestNode node) {
        if (node.compiledCode() != null) {
            write(node.sqlPath(), node.compiledCode());
        }
    }

    /** Queues the statements a node ran, separated by semicolons; nothing when it ran none. Thread-safe. */
    public void acceptStatements(ManifestNode node, List<String> statements) {
        if (!statements.isEmpty()) {
            write(node.sqlPath(), String.join(";\n\n", statements) + ";\n");
        }
    }

    private void write(String relativePath, String sql) {
        Path file = root.resolve(relativePath);
        Future<?> future = executor.submit(() -> writeIfChanged(file, sql));
        synchronized (pending) {
            pending.add(future);
        }
    }

    /**
     * Waits until every queued file is written.
     *
     * @return how many files were written (not counting those that were already up to date)
     */
    public int finish() {
        List<Future<?>> all;
        synchronized (pending) {
            all = List.copyOf(pending);
        }
        for (Future<?> future : all) {
            try {
                future.get();
            } catch (ExecutionException failure) {
                throw failure.getCause() instanceof UncheckedIOException io ? io
                        : new IllegalStateException("writing SQL files failed", failure.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing SQL files", interrupted);
            }
        }
        return written.get();
    }

    /** Stops taking files and waits for those already queued, so that nothing writes after the command ends. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Boolean createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            return Boolean.TRUE;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot create " + folder, failure);
        }
    }

    private void writeIfChanged(Path file, String sql) {
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
        try {
            Path folder = file.getParent();
            // Each folder once (other threads wait for it): Files.createDirectories on an existing folder costs an
            // exception per call.
            folders.computeIfAbsent(folder, SqlFileWriter::createFolder);
            if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                    && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return;
            }
            Files.write(file, bytes);
            written.incrementAndGet();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file, failure);
        }
    }
}
