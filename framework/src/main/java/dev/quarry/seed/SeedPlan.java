package dev.quarry.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.template.Relation;

/**
 * The statements that load a seed, as pure text: no connection, so they can be checked per engine as strings. The
 * rows go into {@code <identifier>__quarry_tmp} first; only a complete load touches the seed's table:
 * <ul>
 * <li>no table yet: the loaded table is renamed to the seed's name ({@link Action#CREATED});</li>
 * <li>a table with the same columns and types, without {@code --full-refresh}: its rows are deleted and the loaded
 * rows inserted, as dbt truncates and reinserts, so views on it and grants stay ({@link Action#RELOADED});</li>
 * <li>otherwise (columns changed, {@code --full-refresh}, or a view of that name): the old relation is renamed to
 * {@code <identifier>__quarry_backup}, the loaded table renamed into place, and the backup dropped
 * ({@link Action#REPLACED}).</li>
 * </ul>
 */
public final class SeedPlan {

    /** How a seed's table came to hold the new rows. */
    public enum Action {
        CREATED,
        RELOADED,
        REPLACED
    }

    /** The statements that put a loaded table in place, and what they do. */
    public record Publish(Action action, List<String> statements) {
        public Publish {
            statements = List.copyOf(statements);
        }
    }

    static final String STAGING_SUFFIX = "__quarry_tmp";
    static final String BACKUP_SUFFIX = "__quarry_backup";

    private SeedPlan() {
    }

    /**
     * Whether a seed is loaded in one explicit transaction ({@link EngineDialect#beginTransaction} to
     * {@link EngineDialect#commit}): on DuckDB, whose DDL is transactional, that makes the whole load atomic, and it
     * halves the bulk load (the JDBC appender flushes every 2,048 rows, and outside a transaction each flush is a
     * commit). H2 commits at every DDL statement and BigQuery has no transactions across jobs, so there the staging
     * table alone keeps the old table whole.
     */
    public static boolean loadsInOneTransaction(EngineDialect dialect) {
        return dialect.bulkLoadsInOneTransaction();
    }

    /** The table the rows are loaded into before they replace the seed's. */
    public static Relation staging(EngineDialect dialect, Relation target) {
        return dialect.withIdentifier(target, target.identifier() + STAGING_SUFFIX);
    }

    /** Where the old relation waits while the new one is renamed into place. */
    public static Relation backup(EngineDialect dialect, Relation target) {
        return dialect.withIdentifier(target, target.identifier() + BACKUP_SUFFIX);
    }

    /**
     * The columns as the engine creates them. With {@code quote_columns} the names are kept exactly; without it they
     * behave as unquoted names do: on H2, which Quarry opens with {@code DATABASE_TO_LOWER}, that means lower case, so
     * that {@code select amount} finds a column headed {@code Amount}; DuckDB and BigQuery compare names ignoring case
     * anyway. Names are always quoted in the DDL, so a column called {@code year} or {@code order} can be created
     * everywhere.
     */
    public static List<ColumnInfo> engineColumns(EngineDialect dialect, List<SeedColumn> columns,
            boolean quoteColumns) {
        boolean foldsToLowerCase = !quoteColumns && dialect.foldsUnquotedNamesToLowerCase();
        return columns.stream()
                .map(column -> new ColumnInfo(foldsToLowerCase ? column.name().toLowerCase(Locale.ROOT)
                        : column.name(), column.type().sqlType(dialect.type())))
                .toList();
    }

    /**
     * Creates the seed's schema if it is missing. Run before the load's transaction: two seeds loaded in parallel into
     * a new schema would otherwise both create it, and DuckDB fails the second commit (a write-write conflict).
     */
    public static String createSchema(EngineDialect dialect, Relation target) {
        return dialect.createSchema(target.database(), target.schema());
    }

    /** Creates an empty staging table (dropping one a failed run left). */
    public static List<String> prepare(EngineDialect dialect, Relation target, List<ColumnInfo> columns) {
        Relation staging = staging(dialect, target);
        return List.of(dialect.dropIfExists(staging, RelationType.TABLE), createTable(dialect, staging, columns));
    }

    /** {@code create table t ("a" bigint, "b" varchar)}. */
    public static String createTable(EngineDialect dialect, Relation table, List<ColumnInfo> columns) {
        return "create table " + table.rendered() + " ("
                + columns.stream().map(column -> dialect.quote(column.name()) + " " + column.dataType())
                        .collect(Collectors.joining(", "))
                + ")";
    }

    /**
     * Puts the loaded staging table in place of the seed's relation.
     *
     * @param existing the seed's relation as it is now, if any
     * @param loaded   the staging table as the engine describes it
     * @param staleBackup a backup relation a failed run left, if any
     */
    public static Publish publish(EngineDialect dialect, Relation target, Optional<RelationInfo> existing,
            RelationInfo loaded, Optional<RelationInfo> staleBackup, boolean fullRefresh) {
        Relation staging = staging(dialect, target);
        if (existing.isEmpty()) {
            return new Publish(Action.CREATED, List.of(dialect.rename(staging, RelationType.TABLE,
                    target.identifier())));
        }
        RelationInfo current = existing.get();
        if (!fullRefresh && current.type() == RelationType.TABLE && sameColumns(current, loaded)) {
            List<String> names = loaded.columns().stream().map(ColumnInfo::name).toList();
            return new Publish(Action.RELOADED, List.of("delete from " + target.rendered(),
                    dialect.insertInto(target, names, staging),
                    dialect.dropIfExists(staging, RelationType.TABLE)));
        }
        Relation backup = backup(dialect, target);
        List<String> statements = new ArrayList<>();
        staleBackup.ifPresent(stale -> statements.add(dialect.dropIfExists(backup, stale.type())));
        statements.add(dialect.rename(target, current.type(), backup.identifier()));
        statements.add(dialect.rename(staging, RelationType.TABLE, target.identifier()));
        statements.add(dialect.dropIfExists(backup, current.type()));
        return new Publish(Action.REPLACED, statements);
    }

    /** Same names and types in the same order, ignoring case, both as the engine describes them. */
    static boolean sameColumns(RelationInfo current, RelationInfo loaded) {
        List<ColumnInfo> before = current.columns();
        List<ColumnInfo> after = loaded.columns();
        if (before.size() != after.size()) {
            return false;
        }
        for (int column = 0; column < before.size(); column++) {
            if (!before.get(column).name().equalsIgnoreCase(after.get(column).name())
                    || !before.get(column).dataType().equalsIgnoreCase(after.get(column).dataType())) {
                return false;
            }
        }
        return true;
    }
}
