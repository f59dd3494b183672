package dev.quarry.materialize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.duckdb.DuckDbDialect;
import dev.quarry.adapter.h2.H2Dialect;
import dev.quarry.compile.ManifestNode;

/**
 * A model {@code orders} and what the warehouse holds, planned on DuckDB (in an attached database
 * {@code warehouse}) and on H2 (in the connection's default database) for golden tests.
 */
record PlanScenario(Function<EngineDialect, ManifestNode> model, ExistingRelations existing, boolean fullRefresh,
        List<String> preHooks, List<String> postHooks) {

    static final EngineDialect DUCKDB = new DuckDbDialect();
    static final EngineDialect H2 = new H2Dialect();
    static final String SELECT = "select id, amount from raw.orders";
    static final List<ColumnInfo> ORDERS_COLUMNS = List.of(new ColumnInfo("id", "INTEGER"),
            new ColumnInfo("amount", "INTEGER"));
    static final RelationInfo ORDERS_TABLE = new RelationInfo(RelationType.TABLE, ORDERS_COLUMNS);
    static final RelationInfo ORDERS_VIEW = new RelationInfo(RelationType.VIEW, ORDERS_COLUMNS);

    /** @param config key, value, key, value, ... after {@code materialized} */
    static PlanScenario of(String materialized, ExistingRelations existing, Object... config) {
        return new PlanScenario(dialect -> TestModels.model(dialect, dialect == DUCKDB ? "warehouse" : null,
                "analytics", "orders", materialized, SELECT, config), existing, false, List.of(), List.of());
    }

    PlanScenario withFullRefresh() {
        return new PlanScenario(model, existing, true, preHooks, postHooks);
    }

    PlanScenario withHooks(List<String> pre, List<String> post) {
        return new PlanScenario(model, existing, fullRefresh, pre, post);
    }

    MaterializationRequest request(EngineDialect dialect) {
        return MaterializationRequest.of(model.apply(dialect), dialect, existing, fullRefresh)
                .withHooks(preHooks, postHooks);
    }

    MaterializationPlan plan(EngineDialect dialect) {
        MaterializationRequest request = request(dialect);
        return Materialization.of(request.node()).plan(request);
    }

    /** The golden script of a plan that needs no staging. */
    String script(EngineDialect dialect) {
        MaterializationPlan plan = plan(dialect);
        assertThat(plan.staged()).isEmpty();
        return GoldenScript.of(plan);
    }

    /** The stage step, then the apply step given these staged columns, as one golden script. */
    String incrementalScript(EngineDialect dialect, List<ColumnInfo> staged) {
        MaterializationRequest request = request(dialect);
        Materialization materialization = Materialization.of(request.node());
        MaterializationPlan stage = materialization.plan(request);
        assertThat(stage.staged()).contains(request.temporary());
        MaterializationPlan apply = materialization.plan(request.withStagedColumns(staged));
        assertThat(apply.staged()).isEmpty();
        return GoldenScript.of(stage) + "-- apply\n" + GoldenScript.of(apply);
    }

    /** Asserts the scripts on both engines. */
    static void assertScripts(Function<EngineDialect, String> script, String duckdb, String h2) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(script.apply(DUCKDB)).as("duckdb").isEqualTo(duckdb);
        softly.assertThat(script.apply(H2)).as("h2").isEqualTo(h2);
        softly.assertAll();
    }
}
