package dev.quarry.compile;

/**
 * What compiling needs to know of an engine's SQL: how to quote names and write a relation, which incremental
 * strategies it has. Pure text, no connection; each engine's dialect implements it.
 */
public interface SqlDialect {

    /** The engine's name as profiles write it: duckdb, h2, bigquery. */
    String type();

    /** A quoted identifier: {@code "name"} or {@code `name`}. */
    String quote(String identifier);

    /** A string literal: standard SQL doubles the quote ({@code 'it''s'}); an engine may escape otherwise. */
    default String stringLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * A fully written relation.
     *
     * @param database may be null, then the connection's default is meant
     */
    default String relation(String database, String schema, String identifier) {
        String schemaAndName = quote(schema) + "." + quote(identifier);
        return database == null ? schemaAndName : quote(database) + "." + schemaAndName;
    }

    /** Whether an incremental strategy can be written on this engine ({@link IncrementalConfig}). */
    default boolean supportsIncrementalStrategy(String strategy) {
        return java.util.List.of("merge", "delete+insert", "append").contains(strategy);
    }

    /**
     * How a query reads a source whose files are read in place ({@code external: {location, format, options}}), or
     * null when the engine reads such a source as a table (staged by other means).
     */
    default String externalRelation(java.util.Map<String, Object> external) {
        return null;
    }
}
