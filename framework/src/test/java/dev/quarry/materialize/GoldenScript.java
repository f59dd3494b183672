package dev.quarry.materialize;

/**
 * A plan as golden text: each statement ended by a semicolon, the statement that undoes it on a comment line
 * underneath, and the failure cleanup at the end.
 */
final class GoldenScript {

    private GoldenScript() {
    }

    static String of(MaterializationPlan plan) {
        StringBuilder text = new StringBuilder();
        for (PlannedStatement statement : plan.statements()) {
            text.append(statement.sql()).append(";\n");
            statement.undo().ifPresent(undo -> text.append("-- undo: ").append(undo).append('\n'));
        }
        plan.staged().ifPresent(staged -> text.append("-- then describe ").append(staged).append('\n'));
        plan.onFailure().forEach(cleanup -> text.append("-- on failure: ").append(cleanup).append('\n'));
        return text.toString();
    }
}
