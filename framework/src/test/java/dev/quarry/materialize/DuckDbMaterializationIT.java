package dev.quarry.materialize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.duckdb.DuckDbAdapter;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;

/** Materializations on embedded DuckDB, in memory. */
class DuckDbMaterializationIT extends MaterializationContract {

    @Override
    protected EngineAdapter openAdapter() {
        return DuckDbAdapter.open(new Target("test", "dev", "duckdb", "analytics", null, 1,
                Map.of("path", ":memory:"), SourceLocation.of("profiles.yml")), Path.of("."));
    }

    @Test
    void aViewOverARebuiltTableSeesTheNewTable() {
        buildTableWithAViewOverIt();

        rebuildOrdersTable();

        // DuckDB binds a view's names when it is queried, so the view reads the table now under the name.
        assertThat(rows("select id from analytics.big_orders order by id")).containsExactly(List.of(2L), List.of(3L));
        assertNoLeftovers("orders");
    }

    @Test
    void aCreatedTableReportsItsRows() {
        assertThat(rebuildOrdersTable().rowsAffected()).hasValue(2);
    }
}
