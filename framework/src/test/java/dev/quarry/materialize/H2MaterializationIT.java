package dev.quarry.materialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.h2.H2Adapter;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;

/** Materializations on embedded H2, in memory. */
class H2MaterializationIT extends MaterializationContract {

    @Override
    protected EngineAdapter openAdapter() {
        return H2Adapter.open(new Target("test", "dev", "h2", "analytics", null, 1, Map.of("path", ":memory:"),
                SourceLocation.of("profiles.yml")), Path.of("."));
    }

    /**
     * H2 binds a view to the table object, not its name: renaming the old table to the backup takes the view along,
     * and dropping the backup is refused. The H2 session recompiles the views and drops again, so the view reads the
     * new table.
     */
    @Test
    void aTableWithAViewOverItIsRebuiltAndTheViewReadsTheNewTable() {
        buildTableWithAViewOverIt();

        rebuildOrdersTable();

        assertThat(rows("select id, amount from analytics.orders order by id"))
                .containsExactly(List.of(1L, 10L), List.of(2L, 25L), List.of(3L, 30L));
        assertThat(rows("select id from analytics.big_orders order by id")).containsExactly(List.of(2L),
                List.of(3L));
        assertNoLeftovers("orders");
    }

    /**
     * H2's JDBC driver answers 0 as the update count of every DDL statement, {@code create table ... as select} too:
     * the session reports that as unknown rather than as an empty table.
     */
    @Test
    void aCreatedTableReportsItsRowsAsUnknown() {
        assertThat(rebuildOrdersTable().rowsAffected()).isEmpty();
    }
}
