package dev.quarry.unittest;

import java.util.List;
import java.util.stream.Collectors;

/** Why an input's rows cannot be written as given; the caller reports it at the fixture's location. */
public sealed interface FixtureProblem {

    /** The problem as a sentence for the user. */
    String message();

    /**
     * A row names columns the input does not have (they are left out of the SQL).
     *
     * @param rowIndex     the row's 0-based index in the fixture
     * @param columns      the names the input lacks, as the row spells them
     * @param knownColumns the input's columns
     */
    record UnknownColumns(int rowIndex, List<String> columns, List<String> knownColumns) implements FixtureProblem {

        public UnknownColumns {
            columns = List.copyOf(columns);
            knownColumns = List.copyOf(knownColumns);
        }

        @Override
        public String message() {
            String names = columns.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
            return "row " + (rowIndex + 1) + " gives " + (columns.size() == 1 ? "column " : "columns ") + names
                    + " that the input does not have (its columns: " + String.join(", ", knownColumns) + ")";
        }
    }

    /** The input has no rows and nothing says what its columns are, so no SQL can stand for it. */
    record NoColumns() implements FixtureProblem {

        @Override
        public String message() {
            return "the input has no rows and its columns are unknown: give the columns (with their types where"
                    + " the input's relation cannot be described, or as a CSV header)";
        }
    }
}
