package dev.quarry.seed;

import java.util.List;

import dev.quarry.error.Diagnostic;

/**
 * What the first pass over a seed file found: its columns with their types, how many rows it has, and every error
 * (at most {@value SeedProblems#SHOWN} per file, then a count). A file with errors is not loaded.
 *
 * @param path the file relative to the project
 */
public record SeedScan(String path, List<SeedColumn> columns, long rowCount, List<Diagnostic> diagnostics) {

    public SeedScan {
        columns = List.copyOf(columns);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
