package dev.quarry.adapter;

import java.nio.file.Path;
import java.util.Map;

import dev.quarry.adapter.h2.H2Adapter;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;

class H2AdapterIT extends AdapterContract {

    @Override
    protected EngineAdapter openAdapter() {
        return H2Adapter.open(new Target("test", "dev", "h2", "public", null, 1, Map.of("path", ":memory:"),
                SourceLocation.of("profiles.yml")), Path.of("."));
    }
}
