package dev.quarry.seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
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
 * place as {@link SeedPlan} describes. A failure after the file was checked leaves the seed's table as it was.
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
        Relation staging = SeedPlan.staging(dialect, target);
        List<ColumnInfo> columns = SeedPlan.engineColumns(dialect, scan.columns(), options.quoteColumns());
        List<String> executed = new ArrayList<>();
        SeedPlan.prepare(dialect, target, columns).forEach(sql -> execute(sql, executed));
        long rows;
        try (SeedRows values = reader.rows(scan.columns())) {
            rows = session.appendRows(staging, columns, values);
        } catch (RuntimeException failure) {
            dropQuietly(staging, failure);
            throw failure;
        }

        RelationInfo loaded = session.describe(staging).orElseThrow(() -> new IllegalStateException(
                "the staging table " + staging.rendered() + " is missing after loading it"));
        Relation backup = SeedPlan.backup(dialect, target);
        SeedPlan.Publish publish = SeedPlan.publish(dialect, target, session.describe(target), loaded,
                session.describe(backup), fullRefresh);
        try {
            publish.statements().forEach(sql -> execute(sql, executed));
        } catch (RuntimeException failure) {
            restore(target, backup, staging, failure);
            throw failure;
        }
        return new SeedLoadResult(target, columns, rows, publish.action(), executed);
    }

    private void execute(String sql, List<String> executed) {
        session.execute(sql);
        executed.add(sql);
    }

    /** After a failed swap: the old relation back under its name if it is only at the backup name; staging gone. */
    private void restore(Relation target, Relation backup, Relation staging, RuntimeException failure) {
        try {
            if (session.describe(target).isEmpty()) {
                Optional<RelationInfo> old = session.describe(backup);
                if (old.isPresent()) {
                    session.execute(dialect.rename(backup, old.get().type(), target.identifier()));
                }
            }
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
        dropQuietly(staging, failure);
    }

    private void dropQuietly(Relation staging, RuntimeException failure) {
        try {
            session.execute(dialect.dropIfExists(staging, RelationType.TABLE));
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
    }
}
