package dev.quarry.seed;

import java.nio.file.Path;
import java.util.Map;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.duckdb.DuckDbAdapter;
import dev.quarry.adapter.h2.H2Adapter;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;

/**
 * The embedded engines the seed tests load into, each a fresh in-memory database, through the real adapters.
 */
enum SeedTestEngine {
    DUCKDB_ADAPTER,
    H2_ADAPTER;

    boolean isDuckDb() {
        return this == DUCKDB_ADAPTER;
    }

    /** A new session on a new, empty database, and the dialect that goes with it. */
    Opened open() {
        return switch (this) {
            case DUCKDB_ADAPTER -> fromAdapter(DuckDbAdapter.open(target("duckdb"), Path.of(".")));
            case H2_ADAPTER -> fromAdapter(H2Adapter.open(target("h2"), Path.of(".")));
        };
    }

    record Opened(RecordingSession session, EngineDialect dialect) {
    }

    private static Opened fromAdapter(EngineAdapter adapter) {
        return new Opened(new RecordingSession(adapter.openSession(), adapter), adapter.dialect());
    }

    private static Target target(String type) {
        return new Target("test", "dev", type, "main", null, 1, Map.of("path", ":memory:"),
                SourceLocation.of("profiles.yml"));
    }
}
