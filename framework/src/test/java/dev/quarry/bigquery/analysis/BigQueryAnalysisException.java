package dev.quarry.bigquery.analysis;

import java.util.List;

/**
 * ZetaSQL rejected a statement. The message is ZetaSQL's ({@code Unrecognized name: x [at 3:8]}, followed by the
 * line and a caret under the column), then the whole statement with line numbers, so a failing assertion shows
 * everything needed to find the problem.
 */
public final class BigQueryAnalysisException extends RuntimeException {

    private static final int LONGEST_STATEMENT_SHOWN = 80;

    private final String zetaSqlMessage;

    BigQueryAnalysisException(String zetaSqlMessage, String sql, Throwable cause) {
        super(zetaSqlMessage + "\nin:\n" + numbered(sql), cause);
        this.zetaSqlMessage = zetaSqlMessage;
    }

    /** ZetaSQL's message alone, with its {@code [at line:column]} and caret. */
    public String zetaSqlMessage() {
        return zetaSqlMessage;
    }

    /** The statement with line numbers (the first lines of a long one). */
    static String numbered(String sql) {
        List<String> lines = sql.lines().toList();
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < Math.min(lines.size(), LONGEST_STATEMENT_SHOWN); index++) {
            text.append(String.format("%4d | %s%n", index + 1, lines.get(index)));
        }
        if (lines.size() > LONGEST_STATEMENT_SHOWN) {
            text.append("     | ... ").append(lines.size() - LONGEST_STATEMENT_SHOWN).append(" more lines\n");
        }
        return text.toString();
    }
}
