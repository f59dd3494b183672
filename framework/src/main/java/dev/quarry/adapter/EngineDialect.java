package dev.quarry.adapter;

import java.util.List;
import java.util.stream.Collectors;

import dev.quarry.compile.SqlDialect;
import dev.quarry.project.PartitionBy;
import dev.quarry.template.Relation;

/**
 * An engine's SQL text for building relations: the statements materializations are made of. Pure text; defaults are
 * standard SQL that DuckDB and H2 share, and an engine overrides what it says differently.
 */
public interface EngineDialect extends SqlDialect {

    /**
     * Whether a bulk load is best done in one explicit transaction ({@link #beginTransaction} to {@link #commit}):
     * where DDL is transactional, that makes a whole seed load atomic (and DuckDB's appender commits less often).
     */
    default boolean bulkLoadsInOneTransaction() {
        return false;
    }

    /** Whether the engine stores unquoted names in lower case, so quoted names must be too to mean the same. */
    default boolean foldsUnquotedNamesToLowerCase() {
        return false;
    }

    /**
     * Whether {@code create or replace} replaces a table or view in one atomic step that leaves the old relation when
     * it fails (BigQuery): then a model is replaced in place, without a temporary relation and renames.
     */
    default boolean replacesRelationsAtomically() {
        return false;
    }

    /** Creates a table from a query, laid out and described as the options say (where the engine knows them). */
    default String createTableAs(Relation relation, String selectSql, TableOptions options) {
        return createTableAs(relation, selectSql);
    }

    /** Replaces (or creates) a table from a query in one atomic statement; see {@link #replacesRelationsAtomically}. */
    default String createOrReplaceTableAs(Relation relation, String selectSql, TableOptions options) {
        throw new UnsupportedOperationException(type() + " does not replace tables atomically");
    }

    /** Replaces (or creates) a view, described as the options say (where the engine keeps descriptions). */
    default String createOrReplaceView(Relation relation, String selectSql, TableOptions options) {
        return createOrReplaceView(relation, selectSql);
    }

    /**
     * The statement that makes a built table's column not null, which fails when a row has a null there; empty where
     * the engine cannot add the constraint to a table that exists (BigQuery).
     */
    default java.util.Optional<String> setNotNull(Relation table, String column) {
        return java.util.Optional.of("alter table " + table.rendered() + " alter column " + quote(column)
                + " set not null");
    }

    /** The statement that gives a built table a primary key, which fails when the key's values repeat or are null. */
    default String addPrimaryKey(Relation table, List<String> columns) {
        return "alter table " + table.rendered() + " add primary key ("
                + columns.stream().map(this::quote).collect(java.util.stream.Collectors.joining(", ")) + ")";
    }

    /**
     * The statements that set the descriptions {@code persist_docs} asks for once the relation is built, those its DDL
     * did not set: by default SQL's {@code COMMENT ON} (DuckDB and H2 keep them), the relation's and its columns'.
     */
    default List<String> describe(Relation relation, RelationType type, TableOptions options) {
        String keyword = type == RelationType.VIEW ? "view" : "table";
        List<String> statements = new java.util.ArrayList<>();
        options.description().ifPresent(text -> statements.add("comment on " + keyword + " " + relation.rendered()
                + " is " + stringLiteral(text)));
        options.columnDescriptions().forEach((column, text) -> statements.add("comment on column "
                + relation.rendered() + "." + quote(column) + " is " + stringLiteral(text)));
        return statements;
    }

    /**
     * Replaces the target's partitions that the staged rows fall in (or the given ones) with the staged rows:
     * {@code incremental_strategy: insert_overwrite}, where {@link #supportsIncrementalStrategy} says so.
     *
     * @param partitions the partitions to replace, as SQL literals ({@code partitions:} config); empty for those of the
     *                   staged rows
     */
    default String insertOverwrite(Relation target, Relation staged, List<String> columns,
            PartitionBy partitionBy, List<String> partitions) {
        throw new UnsupportedOperationException(type() + " has no insert_overwrite");
    }

    /**
     * The statement that stages a source's files ({@code external: {location, format, options}}) as a table of the
     * source's name, replacing it if it exists; empty where the engine reads such files in place
     * ({@link #externalRelation}) and nothing needs staging.
     */
    default java.util.Optional<String> createExternalTable(Relation relation, java.util.Map<String, Object> external) {
        return java.util.Optional.empty();
    }

    /** The same relation under another name in the same schema (temporary and backup relations). */
    default Relation withIdentifier(Relation relation, String identifier) {
        return new Relation(relation.database(), relation.schema(), identifier,
                relation(relation.database(), relation.schema(), identifier));
    }

    default String createSchema(String database, String schema) {
        String name = database == null ? quote(schema) : quote(database) + "." + quote(schema);
        return "create schema if not exists " + name;
    }

    default String createView(Relation relation, String selectSql) {
        return "create view " + relation.rendered() + " as\n" + selectSql;
    }

    /**
     * Replaces a view, or creates it, in one statement; the old view stays when the new one fails to compile. Both
     * DuckDB and H2 do this atomically, and H2 keeps the views that select from it bound (a rename would take them
     * along).
     */
    default String createOrReplaceView(Relation relation, String selectSql) {
        return "create or replace view " + relation.rendered() + " as\n" + selectSql;
    }

    /** Opens a transaction in a session that is in auto-commit mode (H2 does not know {@code start transaction}). */
    default String beginTransaction() {
        return "begin transaction";
    }

    default String commit() {
        return "commit";
    }

    default String rollback() {
        return "rollback";
    }

    default String createTableAs(Relation relation, String selectSql) {
        return "create table " + relation.rendered() + " as\n" + selectSql;
    }

    default String dropIfExists(Relation relation, RelationType type) {
        return "drop " + keyword(type) + " if exists " + relation.rendered();
    }

    /** Renames a relation within its schema. */
    default String rename(Relation relation, RelationType type, String newIdentifier) {
        return "alter " + keyword(type) + " " + relation.rendered() + " rename to " + quote(newIdentifier);
    }

    default String insertInto(Relation target, List<String> columns, Relation source) {
        String list = columnList(columns);
        return "insert into " + target.rendered() + " (" + list + ")\nselect " + list + " from " + source.rendered();
    }

    /** Deletes the target's rows whose unique key appears in the source (the first half of delete+insert). */
    default String deleteMatching(Relation target, Relation source, List<String> uniqueKey) {
        String matches = uniqueKey.stream()
                .map(column -> "target." + quote(column) + " = source." + quote(column))
                .collect(Collectors.joining(" and "));
        return "delete from " + target.rendered() + " as target\nwhere exists (select 1 from " + source.rendered()
                + " as source where " + matches + ")";
    }

    /** Updates matching rows and inserts the others, matching on the unique key. */
    default String merge(Relation target, Relation source, List<String> uniqueKey, List<String> columns) {
        String on = uniqueKey.stream()
                .map(column -> "target." + quote(column) + " = source." + quote(column))
                .collect(Collectors.joining(" and "));
        String set = columns.stream()
                .filter(column -> !uniqueKey.contains(column))
                .map(column -> quote(column) + " = source." + quote(column))
                .collect(Collectors.joining(", "));
        String values = columns.stream().map(column -> "source." + quote(column)).collect(Collectors.joining(", "));
        return "merge into " + target.rendered() + " as target\nusing " + source.rendered() + " as source\non " + on
                + (set.isEmpty() ? "" : "\nwhen matched then update set " + set)
                + "\nwhen not matched then insert (" + columnList(columns) + ") values (" + values + ")";
    }

    default String addColumn(Relation target, ColumnInfo column) {
        return "alter table " + target.rendered() + " add column " + quote(column.name()) + " " + column.dataType();
    }

    default String dropColumn(Relation target, String column) {
        return "alter table " + target.rendered() + " drop column " + quote(column);
    }

    default String columnList(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    private static String keyword(RelationType type) {
        return switch (type) {
            case TABLE -> "table";
            case VIEW -> "view";
        };
    }
}
