package dev.quarry.seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;
import dev.quarry.template.Relation;

/**
 * Loads a seed's CSV file into its table: reads and checks the whole file first (nothing is touched when it has
 * errors), bulk-loads the rows into a staging table with {@link EngineSession#appendRows}, then puts that table in
 * place as {@link SeedPlan} describes. A failure after the file was checked leaves the seed's table as it was. On
 * DuckDB all of it is one transaction (see {@link SeedPlan#loadsInOneTransaction}).
 */
public final class SeedLoader {

    private final EngineSession session;
    private final EngineDialect dialect;

    public SeedLoader(EngineSession session, EngineDialect dialect) {
        this.session = session;
        this.dialect = dialect;
    }

    /**
     * Loads a seed, with errors about its config pointing at the CSV file's first line.
     *
     * @param seed        the seed node: its relation, its path, its config ({@code column_types}, {@code delimiter},
     *                    {@code quote_columns})
     * @param file        the CSV file
     * @param fullRefresh {@code --full-refresh}: always replace the table, even when its columns are unchanged
     * @throws SeedFileException when the file or the config has errors; nothing was executed then
     * @throws dev.quarry.adapter.EngineException when the engine fails; the seed's table is as it was
     */
    public SeedLoadResult load(ManifestNode seed, Path file, boolean fullRefresh) {
        return load(seed, file, fullRefresh, null);
    }

    /**
     * Loads a seed.
     *
     * @param configLocation where the seed's config is written (its properties file entry), for errors about
     *                       {@code column_types} and {@code delimiter}; null when unknown
     */
    public SeedLoadResult load(ManifestNode seed, Path file, boolean fullRefresh, SourceLocation configLocation) {
        List<Diagnostic> problems = new ArrayList<>();
        SeedOptions options = SeedOptions.fromConfig(seed.config(), seed.path(), configLocation, problems);
        SeedReader reader = new SeedReader(file, seed.path(), options);
        SeedScan scan = reader.scan();
        problems.addAll(scan.diagnostics());
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            throw new SeedFileException(seed.path(), problems);
        }

        Relation target = seed.relation();
        List<ColumnInfo> columns = SeedPlan.engineColumns(dialect, scan.columns(), options.quoteColumns());
        boolean inTransaction = SeedPlan.loadsInOneTransaction(dialect);
        List<String> executed = new ArrayList<>();
        createSchema(target, executed);
        try {
            if (inTransaction) {
                execute(dialect.beginTransaction(), executed);
            }
            Written written = write(target, columns, reader, scan, fullRefresh, executed);
            if (inTransaction) {
                execute(dialect.commit(), executed);
            }
            return new SeedLoadResult(target, columns, written.rows(), written.action(), executed);
        } catch (RuntimeException failure) {
            if (inTransaction) {
                quietly(() -> session.execute(dialect.rollback()), failure);
            }
            restore(target, failure);
            throw failure;
        }
    }

    private record Written(long rows, SeedPlan.Action action) {
    }

    /** Creates the staging table, loads the rows into it, and puts it in place. */
    private Written write(Relation target, List<ColumnInfo> columns, SeedReader reader, SeedScan scan,
            boolean fullRefresh, List<String> executed) {
        Relation staging = SeedPlan.staging(dialect, target);
        SeedPlan.prepare(dialect, target, columns).forEach(sql -> execute(sql, executed));
        long rows;
        try (SeedRows values = reader.rows(scan.columns())) {
            rows = session.appendRows(staging, columns, values);
        }
        RelationInfo loaded = session.describe(staging).orElseThrow(() -> new IllegalStateException(
                "the staging table " + staging.rendered() + " is missing after loading it"));
        SeedPlan.Publish publish = SeedPlan.publish(dialect, target, session.describe(target), loaded,
                session.describe(SeedPlan.backup(dialect, target)), fullRefresh);
        publish.statements().forEach(sql -> execute(sql, executed));
        return new Written(rows, publish.action());
    }

    /**
     * Creates the seed's schema if it is missing, outside the load's transaction. DuckDB fails one of two sessions
     * that create the same schema at the same moment (a catalog write-write conflict); the statement is idempotent,
     * so once more finds the schema there.
     */
    private void createSchema(Relation target, List<String> executed) {
        String sql = SeedPlan.createSchema(dialect, target);
        try {
            session.execute(sql);
        } catch (EngineException conflict) {
            session.execute(sql);
        }
        executed.add(sql);
    }

    private void execute(String sql, List<String> executed) {
        session.execute(sql);
        executed.add(sql);
    }

    /**
     * After a failure: the old relation back under its name if a swap left it only at the backup name, and no staging
     * table. (Inside a transaction the rollback has done both already.)
     */
    private void restore(Relation target, RuntimeException failure) {
        Relation backup = SeedPlan.backup(dialect, target);
        quietly(() -> {
            if (session.describe(target).isEmpty()) {
                session.describe(backup).ifPresent(old -> session.execute(dialect.rename(backup, old.type(),
                        target.identifier())));
            }
        }, failure);
        quietly(() -> session.execute(dialect.dropIfExists(SeedPlan.staging(dialect, target), RelationType.TABLE)),
                failure);
    }

    /** Runs a clean-up step; a failure of it is attached to the failure being handled. */
    private static void quietly(Runnable step, RuntimeException failure) {
        try {
            step.run();
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }
}
