package dev.quarry.adapter.h2;

import java.util.List;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.TableOptions;
import dev.quarry.template.Relation;

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

    /** As the default, but a view's columns: H2 keeps no comment on them (it comments the view itself). */
    @Override
    public List<String> describe(Relation relation, RelationType type, TableOptions options) {
        return EngineDialect.super.describe(relation, type,
                type == RelationType.VIEW ? options.withoutColumnDescriptions() : options);
    }
}
