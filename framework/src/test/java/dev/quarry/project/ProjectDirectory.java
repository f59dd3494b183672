package dev.quarry.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import dev.quarry.error.Diagnostic;

/** A project written file by file into a temporary directory (a JUnit {@code @TempDir}), for loader tests. */
final class ProjectDirectory {

    private final Path root;

    private ProjectDirectory(Path root) {
        this.root = root;
    }

    static ProjectDirectory in(Path root) {
        return new ProjectDirectory(root);
    }

    Path root() {
        return root;
    }

    /** Writes a UTF-8 text file, creating its folders. */
    ProjectDirectory file(String relativePath, String text) {
        return bytes(relativePath, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes raw bytes, for files that are deliberately not UTF-8. */
    ProjectDirectory bytes(String relativePath, byte[] content) {
        Path file = root.resolve(relativePath);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return this;
    }

    /** Each diagnostic as users see it, with {@code \n} between its lines whatever the platform. */
    static List<String> formatted(Collection<Diagnostic> diagnostics) {
        return diagnostics.stream().map(diagnostic -> diagnostic.format().replace(System.lineSeparator(), "\n"))
                .toList();
    }
}
