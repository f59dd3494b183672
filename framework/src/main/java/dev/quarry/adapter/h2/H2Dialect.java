package dev.quarry.adapter.h2;

import dev.quarry.adapter.EngineDialect;

/**
 * H2's SQL text: identifiers in double quotes. Quoted names are case-sensitive in H2, so every relation Quarry creates
 * and reads is quoted the same way.
 */
public final class H2Dialect implements EngineDialect {

    @Override
    public String type() {
        return "h2";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Quarry opens H2 with {@code DATABASE_TO_LOWER=TRUE}, as DuckDB and BigQuery treat unquoted names. */
    @Override
    public boolean foldsUnquotedNamesToLowerCase() {
        return true;
    }
}
