package dev.quarry.materialize;

import static dev.quarry.materialize.PlanScenario.DUCKDB;
import static dev.quarry.materialize.PlanScenario.H2;
import static dev.quarry.materialize.PlanScenario.ORDERS_COLUMNS;
import static dev.quarry.materialize.PlanScenario.ORDERS_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.error.ErrorCode;

/** The exact message of every kind of model that cannot be materialized: the model file, the problem, a hint. */
class MaterializationErrorsTest {

    private static PlanScenario incremental(Object... config) {
        return PlanScenario.of("incremental", ExistingRelations.of(ORDERS_TABLE), config);
    }

    /** Plans the stage step, then the apply step with these staged columns. */
    private static void planBothSteps(PlanScenario scenario, EngineDialect dialect, List<ColumnInfo> staged) {
        MaterializationRequest request = scenario.request(dialect);
        Materialization materialization = Materialization.of(request.node());
        materialization.plan(request);
        materialization.plan(request.withStagedColumns(staged));
    }

    @Test
    void anUnsupportedStrategy() {
        assertThatThrownBy(() -> incremental("incremental_strategy", "insert_overwrite").plan(DUCKDB))
                .isInstanceOf(MaterializationException.class)
                .hasMessage("""
                        models/orders.sql: error: incremental_strategy 'insert_overwrite' is not supported on duckdb
                          hint: use one of 'merge', 'delete+insert', 'append' ('merge' and 'delete+insert' match \
                        rows on the unique_key)""".replace("\n", System.lineSeparator()));
    }

    @Test
    void aStrategyThatNeedsAUniqueKeyWithoutOne() {
        assertThatThrownBy(() -> incremental("incremental_strategy", "delete+insert").plan(H2))
                .hasMessage("""
                        models/orders.sql: error: incremental_strategy 'delete+insert' needs a unique_key
                          hint: set unique_key to the column (or list of columns) that identifies a row, or use \
                        incremental_strategy 'append'""".replace("\n", System.lineSeparator()));
    }

    @Test
    void aUniqueKeyColumnTheModelDoesNotSelect() {
        assertThatThrownBy(() -> planBothSteps(incremental("unique_key", List.of("id", "order_id")), H2,
                ORDERS_COLUMNS))
                .hasMessage("""
                        models/orders.sql: error: unique_key column 'order_id' is not a column of the model \
                        (it selects id, amount)
                          hint: select the column in the model, or change unique_key to the columns that identify \
                        a row""".replace("\n", System.lineSeparator()));
    }

    @Test
    void aUniqueKeyColumnTheTableLacksUnderIgnore() {
        List<ColumnInfo> staged = List.of(new ColumnInfo("id", "INTEGER"), new ColumnInfo("order_id", "INTEGER"),
                new ColumnInfo("amount", "INTEGER"));

        assertThatThrownBy(() -> planBothSteps(incremental("unique_key", List.of("order_id")), DUCKDB, staged))
                .hasMessage("""
                        models/orders.sql: error: unique_key column 'order_id' is not a column of \
                        "warehouse"."analytics"."orders"
                          hint: run with --full-refresh to rebuild the table, or set on_schema_change to \
                        'append_new_columns'""".replace("\n", System.lineSeparator()));
    }

    @Test
    void aChangedSchemaUnderFail() {
        List<ColumnInfo> staged = List.of(new ColumnInfo("id", "INTEGER"), new ColumnInfo("status", "VARCHAR"),
                new ColumnInfo("note", "VARCHAR"));

        assertThatThrownBy(() -> planBothSteps(incremental("on_schema_change", "fail"), H2, staged))
                .isInstanceOfSatisfying(MaterializationException.class, failure -> {
                    assertThat(failure.code()).isEqualTo(ErrorCode.NODE_FAILURE);
                    assertThat(failure.modelPath()).isEqualTo("models/orders.sql");
                    assertThat(failure.problem()).isEqualTo("the model's columns differ from those of "
                            + "\"analytics\".\"orders\" (added 'status', 'note'; removed 'amount') "
                            + "and on_schema_change is 'fail'");
                    assertThat(failure.hint()).contains("run with --full-refresh to rebuild the table, or set "
                            + "on_schema_change to 'append_new_columns' or 'sync_all_columns'");
                    assertThat(failure.statements()).isEmpty();
                });
    }

    @Test
    void anUnchangedSchemaUnderFailIsFine() {
        PlanScenario scenario = incremental("on_schema_change", "fail");

        assertThat(scenario.incrementalScript(H2, ORDERS_COLUMNS)).contains("insert into \"analytics\".\"orders\"");
    }

    @Test
    void anUnknownSchemaChangePolicy() {
        assertThatThrownBy(() -> incremental("on_schema_change", "sync").plan(DUCKDB))
                .hasMessage("""
                        models/orders.sql: error: unknown on_schema_change 'sync'
                          hint: use one of 'ignore', 'fail', 'append_new_columns', 'sync_all_columns'"""
                        .replace("\n", System.lineSeparator()));
    }

    @Test
    void anUnknownMaterialization() {
        assertThatThrownBy(() -> PlanScenario.of("snapshot", ExistingRelations.none()).plan(DUCKDB))
                .hasMessage("""
                        models/orders.sql: error: unknown materialization 'snapshot'
                          hint: set materialized to view, table, incremental or ephemeral"""
                        .replace("\n", System.lineSeparator()));
    }

    @Test
    void noColumnInCommonWithTheTable() {
        List<ColumnInfo> staged = List.of(new ColumnInfo("code", "VARCHAR"));

        assertThatThrownBy(() -> planBothSteps(incremental(), H2, staged))
                .hasMessage("""
                        models/orders.sql: error: none of the model's columns are columns of "analytics"."orders" \
                        (added 'code'; removed 'id', 'amount')
                          hint: run with --full-refresh to rebuild the table""".replace("\n", System.lineSeparator()));
    }
}
