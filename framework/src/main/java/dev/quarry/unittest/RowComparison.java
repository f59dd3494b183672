package dev.quarry.unittest;

/**
 * The outcome of comparing a model's rows with the expected rows.
 *
 * @param passed  true when the rows are as expected
 * @param summary one line: the row counts and what differs, or why nothing could be compared
 * @param details the diff as an aligned table for a terminal; empty when the rows match or could not be compared
 */
public record RowComparison(boolean passed, String summary, String details) {

    /** The summary, and the details under it when there are any. */
    public String text() {
        return details.isEmpty() ? summary : summary + "\n" + details;
    }
}
