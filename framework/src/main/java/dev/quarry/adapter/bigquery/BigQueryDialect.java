package dev.quarry.adapter.bigquery;

import dev.quarry.compile.SqlDialect;

/**
 * GoogleSQL text: identifiers in backticks; a relation is {@code `project`.`dataset`.`table`}, the dataset being the
 * schema.
 */
public final class BigQueryDialect implements SqlDialect {

    @Override
    public String type() {
        return "bigquery";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("\\", "\\\\").replace("`", "\\`") + '`';
    }
}
