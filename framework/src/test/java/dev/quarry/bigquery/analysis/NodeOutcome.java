package dev.quarry.bigquery.analysis;

import java.util.List;

/** What analyzing one node of a project came to. */
sealed interface NodeOutcome {

    /** ZetaSQL accepted it; for a relation, these columns are now in the catalog under its name. */
    record Analyzed(List<TypedColumn> columns) implements NodeOutcome {
        public Analyzed {
            columns = List.copyOf(columns);
        }
    }

    /** ZetaSQL rejected it, or it cannot be built on BigQuery: the message names the node and says why. */
    record Failed(String message) implements NodeOutcome {
    }

    /** It was not analyzed, for the stated reason (nothing to analyze it against, or a known exclusion). */
    record Skipped(String reason) implements NodeOutcome {
    }
}
