package dev.quarry.unittest;

import java.util.List;

/**
 * One row of a diff.
 *
 * @param marker   whether the row is in both, only expected, or only actual
 * @param position the row's 1-based position in an ordered comparison; 0 when order does not count
 * @param cells    the compared columns' values
 */
record DiffLine(Marker marker, int position, List<Cell> cells) {

    DiffLine {
        cells = List.copyOf(cells);
    }

    /** How a row of the diff starts. */
    enum Marker {
        /** In the expected rows and the actual rows. */
        SAME("  "),
        /** Expected, not among the actual rows (or not at this position). */
        MISSING("- "),
        /** Among the actual rows (or at this position), not expected. */
        UNEXPECTED("+ ");

        private final String prefix;

        Marker(String prefix) {
            this.prefix = prefix;
        }

        String prefix() {
            return prefix;
        }
    }
}
