package dev.quarry.cli;

import java.util.List;
import java.util.OptionalLong;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.error.ErrorCode;
import dev.quarry.error.UsageException;
import dev.quarry.graph.ResourceType;
import dev.quarry.report.Reporter;

/**
 * {@code --dry-run}: asks the engine what each selected model's query would process, without running anything
 * (BigQuery's dry-run jobs are free), and prints it per model with the total and its on-demand price. A model whose
 * upstream relations do not exist yet cannot be estimated (the engine checks the names): it is listed as such.
 */
final class DryRun {

    private final Reporter reporter;

    DryRun(Reporter reporter) {
        this.reporter = reporter;
    }

    /** @return the exit code: 0, or 1 when a model could not be estimated */
    int estimate(EngineAdapter adapter, CompiledProject compiled) {
        List<ManifestNode> models = compiled.graph().topologicalOrder().stream()
                .filter(compiled.selected()::contains)
                .map(compiled.nodes()::get)
                .filter(node -> node.type() == ResourceType.MODEL && !node.isEphemeral()
                        && node.compiledCode() != null)
                .toList();
        long total = 0;
        int failed = 0;
        try (EngineSession session = adapter.openSession()) {
            for (ManifestNode model : models) {
                try {
                    OptionalLong bytes = session.estimateBytes(model.compiledCode());
                    if (bytes.isEmpty()) {
                        throw new UsageException("--dry-run asks the engine what each query would process; "
                                + adapter.dialect().type() + " cannot tell (BigQuery can)");
                    }
                    total += bytes.getAsLong();
                    reporter.info("model " + model.name() + " would process " + Bytes.describe(bytes.getAsLong()));
                } catch (EngineException cannot) {
                    failed++;
                    reporter.failure("model " + model.name() + " (" + model.path() + ") cannot be estimated: "
                            + cannot.getMessage().replace("\n", "\n  "));
                }
            }
        }
        reporter.info("Dry run of " + models.size() + " model" + (models.size() == 1 ? "" : "s")
                + ": nothing was run; together they would process " + Bytes.describe(total));
        return failed == 0 ? 0 : ErrorCode.NODE_FAILURE.exitCode();
    }
}
