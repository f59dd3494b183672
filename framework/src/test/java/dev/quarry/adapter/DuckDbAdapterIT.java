package dev.quarry.adapter;

import java.nio.file.Path;
import java.util.Map;

import dev.quarry.adapter.duckdb.DuckDbAdapter;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;

class DuckDbAdapterIT extends AdapterContract {

    @Override
    protected EngineAdapter openAdapter() {
        return DuckDbAdapter.open(new Target("test", "dev", "duckdb", "main", null, 1, Map.of("path", ":memory:"),
                SourceLocation.of("profiles.yml")), Path.of("."));
    }
}
