package dev.quarry.materialize;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a build did.
 *
 * @param statements   every statement executed, in order (for {@code target/run/<model path>.sql})
 * @param rowsAffected the rows the table was created with or the incremental write affected, when the engine says
 * @param summary      what was done, for progress lines: {@code created view}, {@code merged into table}, ...
 */
public record MaterializationResult(List<String> statements, OptionalLong rowsAffected, String summary) {

    public MaterializationResult {
        statements = List.copyOf(statements);
        Objects.requireNonNull(rowsAffected, "rowsAffected");
        Objects.requireNonNull(summary, "summary");
    }

    /** The statements as one script, each ended with a semicolon and separated by a blank line. */
    public String script() {
        return Scripts.of(statements);
    }
}
