package dev.quarry.unittest;

import java.util.List;

/**
 * A fixture written as a query of literal rows, and what kept it from being written as given.
 *
 * @param sql      the {@code select}, or null when the rows cannot be written at all ({@link FixtureProblem.NoColumns})
 * @param problems what the caller must report; empty when the rows were written as given
 */
public record FixtureSelect(String sql, List<FixtureProblem> problems) {

    public FixtureSelect {
        problems = List.copyOf(problems);
    }

    /** True when the rows were written as given. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
