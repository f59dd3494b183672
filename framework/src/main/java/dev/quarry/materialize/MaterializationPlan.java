package dev.quarry.materialize;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.quarry.template.Relation;

/**
 * The statements that build a model, in order, and what to do when one of them fails.
 *
 * @param statements what to run
 * @param staged     present when the plan only stages an incremental model's rows: the runner describes this
 *                   relation after the statements and plans again with its columns
 *                   ({@link MaterializationRequest#withStagedColumns})
 * @param onFailure  run (each on its own, failures ignored) after the undo statements when a statement fails: drops
 *                   the temporary relation
 * @param summary    what the plan does, for progress lines: {@code created view}, {@code merged into table}, ...
 */
public record MaterializationPlan(List<PlannedStatement> statements, Optional<Relation> staged,
        List<String> onFailure, String summary) {

    public MaterializationPlan {
        statements = List.copyOf(statements);
        Objects.requireNonNull(staged, "staged");
        onFailure = List.copyOf(onFailure);
        Objects.requireNonNull(summary, "summary");
    }

    /** The statements' SQL, in order. */
    public List<String> sql() {
        return statements.stream().map(PlannedStatement::sql).toList();
    }

    /** The statements as one script, each ended with a semicolon and separated by a blank line. */
    public String script() {
        return Scripts.of(sql());
    }
}
