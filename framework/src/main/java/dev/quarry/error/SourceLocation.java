package dev.quarry.error;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a project file, as users read it: {@code models/staging/stg_x.sql:12:5}.
 *
 * @param file path relative to the project directory, with forward slashes
 * @param line 1-based line, or 0 when the whole file is meant
 * @param column 1-based column, or 0 when the whole line is meant
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line)
            .thenComparingInt(SourceLocation::column);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        file = file.replace('\\', '/');
    }

    /** The location of a whole file. */
    public static SourceLocation of(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** Reads what {@link #toString()} writes: {@code file}, {@code file:line} or {@code file:line:column}. */
    public static SourceLocation parse(String text) {
        String[] parts = text.split(":");
        int numbers = 0;
        while (numbers < 2 && parts.length - numbers > 1 && parts[parts.length - 1 - numbers].matches("\\d+")) {
            numbers++;
        }
        String file = String.join(":", java.util.Arrays.copyOf(parts, parts.length - numbers));
        int line = numbers == 0 ? 0 : Integer.parseInt(parts[parts.length - numbers]);
        int column = numbers < 2 ? 0 : Integer.parseInt(parts[parts.length - 1]);
        return new SourceLocation(file, line, column);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }
}
