package dev.quarry.adapter;

import java.util.Map;

import dev.quarry.adapter.bigquery.BigQueryDialect;
import dev.quarry.adapter.duckdb.DuckDbDialect;
import dev.quarry.adapter.h2.H2Dialect;
import dev.quarry.compile.SqlDialect;

/** The engines Quarry knows, by the {@code type} a profile gives. */
public final class Dialects {

    private static final Map<String, SqlDialect> BY_TYPE = Map.of(
            "duckdb", new DuckDbDialect(),
            "h2", new H2Dialect(),
            "bigquery", new BigQueryDialect());

    private Dialects() {
    }

    /** The dialect of an engine type; the profile reader has already checked that the type is known. */
    public static SqlDialect forType(String type) {
        SqlDialect dialect = BY_TYPE.get(type);
        if (dialect == null) {
            throw new IllegalArgumentException("no dialect for engine type '" + type + "'");
        }
        return dialect;
    }
}
