package dev.quarry.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.h2.H2Adapter;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;

class H2AdapterIT extends AdapterContract {

    @Override
    protected EngineAdapter openAdapter() {
        return H2Adapter.open(new Target("test", "dev", "h2", "public", null, 1, Map.of("path", ":memory:"),
                SourceLocation.of("profiles.yml")), Path.of("."));
    }

    /**
     * H2 locks its catalog for the length of a DDL statement (a {@code create table as} runs its whole query under
     * it): another worker's {@code create schema} must wait for it, not fail after H2's default of a second or two.
     */
    @Test
    void everySessionWaitsMinutesNotSecondsForAnotherSessionsCatalogLock() {
        try (EngineSession other = adapter.openSession()) {
            for (EngineSession each : new EngineSession[] {session, other}) {
                Object millis = each.query("select lock_timeout()", 1).rows().get(0).get(0);
                assertThat(((Number) millis).longValue()).isGreaterThanOrEqualTo(600_000L);
            }
        }
    }
}
