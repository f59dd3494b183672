package dev.sfcrimestats.portal;

import java.nio.file.Path;

/**
 * A portal export that cannot be imported: its message is {@code <file>: line <n>: <what is wrong>}, one problem,
 * the first one met. A value that does not fit its column keeps the {@link dev.sfcrimestats.parquet.BadValueException}
 * that said so as its cause.
 */
public final class PortalCsvException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    PortalCsvException(Path file, long line, String problem) {
        this(file, line, problem, null);
    }

    PortalCsvException(Path file, long line, String problem, Throwable cause) {
        super(file + ": line " + line + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file being imported. */
    public Path file() {
        return file;
    }

    /** The 1-based line of the file the problem is on (the header is line 1; a record is named by its first line). */
    public long line() {
        return line;
    }
}
