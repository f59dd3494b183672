package dev.quarry.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.quarry.error.Diagnostic;

/** Seed files written into a test's temporary project directory, and what reading them gives. */
final class SeedFiles {

    private final Path projectDirectory;

    SeedFiles(Path projectDirectory) {
        this.projectDirectory = projectDirectory;
    }

    /** Writes {@code seeds/<name>.csv} as UTF-8 and returns its reader. */
    SeedReader write(String name, String text, SeedOptions options) {
        return writeBytes(name, text.getBytes(StandardCharsets.UTF_8), options);
    }

    SeedReader write(String name, String text) {
        return write(name, text, SeedOptions.DEFAULTS);
    }

    SeedReader writeBytes(String name, byte[] bytes, SeedOptions options) {
        String path = "seeds/" + name + ".csv";
        try {
            Path file = projectDirectory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return new SeedReader(file, path, options);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    Path file(String name) {
        return projectDirectory.resolve("seeds/" + name + ".csv");
    }

    /** Every row the second pass gives, as lists. */
    static List<List<Object>> rows(SeedReader reader, SeedScan scan) {
        List<List<Object>> rows = new ArrayList<>();
        try (SeedRows values = reader.rows(scan.columns())) {
            values.forEachRemaining(row -> rows.add(Arrays.asList(row)));
        }
        return rows;
    }

    /** {@code location: message} of each diagnostic, as users read the first line. */
    static List<String> messages(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(diagnostic -> diagnostic.location() + ": " + diagnostic.message()).toList();
    }

    /** Column name and type, as {@code name bigint}. */
    static List<String> columns(SeedScan scan) {
        return scan.columns().stream().map(column -> column.name() + " " + column.type()).toList();
    }
}
