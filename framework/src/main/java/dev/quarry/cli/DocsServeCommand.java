package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.quarry.docs.SiteServer;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.UsageException;
import dev.quarry.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code quarry docs serve}: serve {@code target/site/} on 127.0.0.1 until Ctrl-C. */
@Command(name = "serve", description = "Serve target/site/ (from quarry docs generate) on 127.0.0.1 until Ctrl-C.")
final class DocsServeCommand implements Callable<Integer> {

    @ParentCommand
    DocsCommand docs;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The port (default: ${DEFAULT-VALUE}); 0 picks a free one.")
    int port;

    @Override
    public Integer call() {
        Workspace workspace = new Workspace(docs.parent.global, docs.parent.invocation());
        Project loaded = workspace.load(new Diagnostics());
        Path siteDir = loaded.targetDir().resolve("site");
        if (!Files.isRegularFile(siteDir.resolve("index.html"))) {
            throw new UsageException("no site at " + siteDir + ": run quarry docs generate first");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (SiteServer server = SiteServer.start(siteDir, port)) {
            // Ctrl-C ends the JVM through its shutdown hooks: this one stops the server so the port is freed at once.
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "quarry-docs-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            workspace.reporter().info("Serving " + siteDir + " at " + server.uri() + " (Ctrl-C to stop)");
            try {
                stopped.await();
            } catch (InterruptedException interrupted) {
                // Run in-process (tests): interrupting the command's thread stops it like Ctrl-C.
                Thread.currentThread().interrupt();
            } finally {
                removeHook(hook);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot serve on port " + port, failure);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running the hook.
        }
    }
}
