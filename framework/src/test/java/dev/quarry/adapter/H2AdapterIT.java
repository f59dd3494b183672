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
     * it): another worker's statement waits for it, not failing after H2's default of a second or two.
     */
    @Test
    void everySessionWaitsAMinuteNotSecondsForAnotherSessionsCatalogLock() {
        try (EngineSession other = adapter.openSession()) {
            for (EngineSession each : new EngineSession[] {session, other}) {
                Object millis = each.query("select lock_timeout()", 1).rows().get(0).get(0);
                assertThat(((Number) millis).longValue()).isGreaterThanOrEqualTo(60_000L);
            }
        }
    }

    /**
     * H2 does not support concurrent DDL: two sessions that create, alter and drop tables at once can deadlock on
     * its catalog. The adapter's sessions take turns, so parallel workers never do.
     */
    @Test
    void sessionsCanChangeTheCatalogFromManyThreadsAtOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                String schema = "worker_" + worker;
                work.add(pool.submit(() -> {
                    try (EngineSession own = adapter.openSession()) {
                        for (int round = 0; round < 40; round++) {
                            own.createSchemaIfMissing(null, schema);
                            own.execute("create table " + schema + ".t as select 1 as x");
                            own.execute("alter table " + schema + ".t add column y int");
                            own.execute("create view " + schema + ".v as select x from " + schema + ".t");
                            own.execute("drop view " + schema + ".v");
                            own.execute("drop table " + schema + ".t");
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> done : work) {
                done.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
