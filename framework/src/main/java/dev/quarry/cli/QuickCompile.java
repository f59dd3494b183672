package dev.quarry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.adapter.Dialects;
import dev.quarry.artifacts.ManifestLayout;
import dev.quarry.artifacts.ManifestPatch;
import dev.quarry.artifacts.ManifestWriter;
import dev.quarry.artifacts.QuarryVersion;
import dev.quarry.artifacts.SqlFileWriter;
import dev.quarry.compile.CompileCache;
import dev.quarry.compile.CompileOptions;
import dev.quarry.compile.CompileSnapshot;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.compile.QuickRecompile;
import dev.quarry.compile.SqlDialect;
import dev.quarry.error.Diagnostics;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.ObservedEnvironment;
import dev.quarry.project.Project;
import dev.quarry.report.PhaseTimer;

/**
 * {@code compile} when only model bodies changed since the last full compile: the changed models are recompiled and
 * patched into {@code target/manifest.json} and {@code target/compiled/} ({@link QuickRecompile}, {@link
 * ManifestPatch}); after a full compile, what the next one needs for that is kept ({@link CompileSnapshot}).
 */
final class QuickCompile {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(QuickCompile.class);

    private final Path targetDir;
    private final String build = QuarryVersion.build();
    /**
     * {@link QuickRecompile#fingerprint} of the loaded project, worked out once (it reads the seeds): a full compile
     * after a declined attempt leaves its snapshot under the same one.
     */
    private String fingerprint;

    QuickCompile(Path targetDir) {
        this.targetDir = targetDir;
    }

    /**
     * What a quick compile did.
     *
     * @param summary the line that counts the project's nodes
     * @param nodes   how many nodes the manifest holds compiled
     * @param rendered how many of them this compile rendered: the changed models (their unit tests, rendered with
     *                 them, are not counted, as in a full compile)
     * @param written how many files it wrote under {@code target/compiled}
     */
    record Result(String summary, int nodes, int rendered, int written) {
    }

    /**
     * Compiles the changed models and patches them in, or declines (empty, nothing written) when the project may have
     * changed in any other way.
     *
     * @param diagnostics what loading the project found: any warning declines, as a full compile shows it
     * @param cache       the compile cache, looked at only when the snapshot fits
     */
    Optional<Result> attempt(Project project, Diagnostics diagnostics, CompileOptions options,
            java.util.function.Supplier<CompileCache> cache, SqlFileWriter writer) {
        if (!diagnostics.sorted().isEmpty()) {
            LOG.debug("compiling in full: loading the project found warnings, which a full compile shows");
            return Optional.empty();
        }
        PhaseTimer timer = new PhaseTimer();
        String fingerprint = fingerprint(project);
        Optional<CompileSnapshot> found = CompileSnapshot.read(targetDir, build, fingerprint, outputsStamp());
        if (found.isEmpty()) {
            LOG.debug("compiling in full: no compile snapshot for these files (other than model bodies), target and "
                    + "vars, or target/ was written since");
            return Optional.empty();
        }
        CompileSnapshot snapshot = found.get();
        timer.done("reading the compile snapshot");
        SqlDialect dialect = Dialects.forType(project.target().type());
        Optional<QuickRecompile.Outcome> outcome;
        try {
            outcome = new QuickRecompile(dialect, Workspace.unitTests(project))
                    .recompile(project, fingerprint, snapshot, options, cache.get());
        } catch (RuntimeException failure) {
            // Nothing is written yet: the full compile that follows reports whatever is wrong, as it always does.
            LOG.debug("compiling in full: the quick recompile failed", failure);
            return Optional.empty();
        }
        timer.done("recompiling the changed models");
        if (outcome.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Object>> changes = new HashMap<>();
        // A unit test's compiled SQL is only in target/compiled, not in the manifest.
        for (ManifestNode node : outcome.get().changed()) {
            if (node.type() == ResourceType.MODEL) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("raw_code", node.rawCode());
                fields.put("compiled_code", node.compiledCode());
                fields.put("checksum", ManifestWriter.checksum(node));
                changes.put(node.uniqueId(), fields);
            }
        }
        ManifestLayout patched;
        try {
            // Gone first: should the process end between the two writes, the next compile is a full one.
            CompileSnapshot.delete(targetDir);
            patched = new ManifestPatch().apply(layout(snapshot), new ManifestWriter.Metadata(options.invocationId(),
                    project.name(), project.target().name(), dialect.type()), Instant.now(), changes);
        } catch (IOException failure) {
            LOG.debug("compiling in full: the manifest could not be patched", failure);
            return Optional.empty();
        }
        timer.done("patching the manifest");
        outcome.get().changed().forEach(writer::accept);
        int written = writer.finish();
        List<CompileSnapshot.Model> models = new ArrayList<>();
        for (CompileSnapshot.Model model : outcome.get().models()) {
            models.add(model.with(model.contentHash(), span(patched.nodes().get(model.uniqueId()))));
        }
        save(snapshot.with(models, outputsStamp(), span(patched.metadata())));
        timer.done("writing the compiled files and the compile snapshot");
        int rendered = changes.size();
        return Optional.of(new Result(snapshot.summary(), snapshot.nodeCount(), rendered, written));
    }

    /**
     * After a full compile: what the next compile needs to be quick, or empty when it could not be (this one compiled
     * a selection, or without the cache). Made while the compiled files are still being written: {@link #keep} saves
     * it once they are.
     *
     * @param complete whether the compile covered the whole project with its cache
     */
    Optional<CompileSnapshot> snapshot(boolean complete, CompiledProject compiled, CompileCache cache,
            ObservedEnvironment environment, ManifestLayout layout, String summary) {
        Optional<Map<String, String>> lookedUp = environment.lookedUp();
        if (!complete || lookedUp.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, CompileSnapshot.Span> spans = new HashMap<>();
            layout.nodes().forEach((id, range) -> spans.put(id, span(range)));
            return CompileSnapshot.of(compiled, cache, fingerprint(compiled.project()),
                    lookedUp.get(), "", span(layout.metadata()), spans, summary);
        } catch (RuntimeException failure) {
            // It only saves time: the compile it would describe has succeeded, and the next one is full.
            LOG.debug("no compile snapshot", failure);
            return Optional.empty();
        }
    }

    /** Saves a snapshot, stamped with the outputs as they are now, or removes the last one when there is none. */
    void keep(Optional<CompileSnapshot> snapshot) {
        if (snapshot.isPresent()) {
            save(snapshot.get().with(snapshot.get().models(), outputsStamp(), snapshot.get().metadata()));
            return;
        }
        try {
            CompileSnapshot.delete(targetDir);
        } catch (IOException ignored) {
            // A snapshot left behind is useless anyway: the manifest it describes was replaced.
        }
    }

    private String fingerprint(Project project) {
        if (fingerprint == null) {
            fingerprint = QuickRecompile.fingerprint(project);
        }
        return fingerprint;
    }

    private void save(CompileSnapshot snapshot) {
        try {
            snapshot.write(targetDir, build);
        } catch (IOException ignored) {
            // Without it, the next compile is a full one.
        }
    }

    /**
     * The size, time and file key of the manifest and the compile cache, and the times of the folders of
     * {@code target/compiled} two levels down: a manifest or cache written since (by another command) has another
     * stamp, and so has a folder whose files were deleted since.
     */
    private String outputsStamp() {
        StringBuilder stamp = new StringBuilder(stamp(targetDir.resolve("manifest.json")));
        stamp.append('|').append(stamp(targetDir.resolve(".quarry").resolve("compile-cache.bin")));
        Path compiled = targetDir.resolve("compiled");
        stamp.append('|').append(stamp(compiled));
        try (java.util.stream.Stream<Path> top = Files.list(compiled)) {
            for (Path folder : top.filter(Files::isDirectory).sorted().toList()) {
                stamp.append('|').append(stamp(folder));
                try (java.util.stream.Stream<Path> below = Files.list(folder)) {
                    below.filter(Files::isDirectory).sorted().forEach(inner -> stamp.append('|').append(stamp(inner)));
                }
            }
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            stamp.append("|unreadable");
        }
        return stamp.toString();
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return file.getFileName() + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toInstant()
                    + ":" + attributes.fileKey();
        } catch (IOException missing) {
            return file.getFileName() + ":none";
        }
    }

    private ManifestLayout layout(CompileSnapshot snapshot) {
        Map<String, ManifestLayout.Range> nodes = new HashMap<>();
        for (CompileSnapshot.Model model : snapshot.models()) {
            nodes.put(model.uniqueId(), range(model.node()));
        }
        return new ManifestLayout(targetDir.resolve("manifest.json"), range(snapshot.metadata()), nodes);
    }

    private static ManifestLayout.Range range(CompileSnapshot.Span span) {
        return new ManifestLayout.Range(span.start(), span.end());
    }

    private static CompileSnapshot.Span span(ManifestLayout.Range range) {
        return new CompileSnapshot.Span(range.start(), range.end());
    }
}
