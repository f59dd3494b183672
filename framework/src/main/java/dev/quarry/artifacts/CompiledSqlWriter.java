package dev.quarry.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;

/**
 * Writes each compiled node's SQL to {@code target/compiled/<its path>}; a file that already holds the same text is
 * left alone, so an incremental compile writes only what changed.
 */
public final class CompiledSqlWriter {

    /** @return how many files were written */
    public int write(CompiledProject compiled, Path targetDir) {
        Path root = targetDir.resolve("compiled");
        List<ManifestNode> nodes = compiled.nodes().values().stream()
                .filter(node -> node.compiledCode() != null)
                .toList();
        return nodes.parallelStream().mapToInt(node -> writeIfChanged(root.resolve(node.path()),
                node.compiledCode())).sum();
    }

    private static int writeIfChanged(Path file, String sql) {
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                    && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return 0;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return 1;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot write " + file, failure);
        }
    }
}
