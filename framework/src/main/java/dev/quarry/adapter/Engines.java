package dev.quarry.adapter;

import java.nio.file.Path;

import dev.quarry.adapter.bigquery.BigQueryAdapter;
import dev.quarry.adapter.duckdb.DuckDbAdapter;
import dev.quarry.adapter.h2.H2Adapter;
import dev.quarry.error.UsageException;
import dev.quarry.project.Target;

/** Opens the engine a target names, from an explicit list. */
public final class Engines {

    private Engines() {
    }

    /** Whether an engine runs inside Quarry's process (so unit tests run on the target itself). */
    public static boolean isEmbedded(String type) {
        return type.equals("duckdb") || type.equals("h2");
    }

    /** A fresh in-memory database of an embedded engine: where a non-embedded target's unit tests run. */
    public static EngineAdapter openInMemory(String type, Path projectRoot) {
        Target memory = new Target("unit_tests", "memory", type, type.equals("h2") ? "public" : "main", null, 1,
                java.util.Map.of("path", ":memory:"), dev.quarry.error.SourceLocation.of("quarry_project.yml"));
        return open(memory, projectRoot);
    }

    /**
     * @param projectRoot relative database paths and file paths in queries resolve against it
     */
    public static EngineAdapter open(Target target, Path projectRoot) {
        return switch (target.type()) {
            case "duckdb" -> DuckDbAdapter.open(target, projectRoot);
            case "h2" -> H2Adapter.open(target, projectRoot);
            case "bigquery" -> BigQueryAdapter.open(target, projectRoot);
            default -> throw new UsageException("unknown engine type '" + target.type() + "'");
        };
    }
}
