package dev.quarry.materialize;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.quarry.adapter.RelationType;

/**
 * What a build did.
 *
 * @param statements   every statement executed, in order (for {@code target/run/<model path>.sql})
 * @param rowsAffected the rows the table was created with or the incremental write affected, when the engine says
 * @param summary      what was done, for progress lines: {@code created view}, {@code merged into table}, ...
 * @param relationType what the model's relation is now (for a scheduler's record of the warehouse; no temporary or
 *                     backup relation remains), or empty for an ephemeral model
 */
public record MaterializationResult(List<String> statements, OptionalLong rowsAffected, String summary,
        Optional<RelationType> relationType) {

    public MaterializationResult {
        statements = List.copyOf(statements);
        Objects.requireNonNull(rowsAffected, "rowsAffected");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(relationType, "relationType");
    }

    /** The statements as one script, each ended with a semicolon and separated by a blank line. */
    public String script() {
        return Scripts.of(statements);
    }
}
