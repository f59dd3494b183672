package dev.quarry.execute;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.Diagnostic;
import dev.quarry.seed.SeedFileException;
import dev.quarry.seed.SeedLoadResult;
import dev.quarry.seed.SeedLoader;

/**
 * Loads a seed's CSV file into its table, between its rendered {@code pre_hook}s and {@code post_hook}s; bad rows or
 * an engine failure (a hook's too) are the node's ERROR.
 */
public final class SeedRunner implements NodeRunner {

    private final EngineDialect dialect;
    private final Path projectRoot;
    private final boolean fullRefresh;
    private final SchemaPreparer schemas = new SchemaPreparer();

    public SeedRunner(EngineDialect dialect, Path projectRoot, boolean fullRefresh) {
        this.dialect = dialect;
        this.projectRoot = projectRoot;
        this.fullRefresh = fullRefresh;
    }

    @Override
    public NodeResult run(ManifestNode node, EngineSession session) {
        Instant started = Instant.now();
        try {
            schemas.prepare(session, node.relation());
            List<String> statements = new ArrayList<>();
            runHooks(ModelBuilder.hooks(node, "pre_hook"), session, statements);
            SeedLoadResult result = new SeedLoader(session, dialect).load(node, projectRoot.resolve(node.path()),
                    fullRefresh);
            statements.addAll(result.statements());
            runHooks(ModelBuilder.hooks(node, "post_hook"), session, statements);
            return new NodeResult(node.uniqueId(), NodeStatus.SUCCESS, started, Duration.between(started,
                    Instant.now()), result.rowCount(), "loaded " + result.rowCount() + " rows",
                    statements, Map.of("rows_affected", result.rowCount()));
        } catch (SeedFileException failure) {
            String message = failure.diagnostics().isEmpty() ? failure.getMessage()
                    : String.join(System.lineSeparator(), failure.diagnostics().stream().map(Diagnostic::format)
                            .toList());
            return failed(node, started, message);
        } catch (EngineException failure) {
            return failed(node, started, failure.getMessage());
        }
    }

    private static void runHooks(List<String> hooks, EngineSession session, List<String> statements) {
        for (String hook : hooks) {
            session.execute(hook);
            statements.add(hook);
        }
    }

    private static NodeResult failed(ManifestNode node, Instant started, String message) {
        return new NodeResult(node.uniqueId(), NodeStatus.ERROR, started, Duration.between(started, Instant.now()),
                -1, message, List.of(), Map.of());
    }
}
