package dev.quarry.materialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.compile.ManifestNode;
import dev.quarry.template.Relation;

/**
 * Views, tables and incremental models built on a real engine, each in a fresh in-memory database with a source
 * table {@code analytics.raw_orders(id, amount)}; every engine's test extends it.
 */
abstract class MaterializationContract {

    private EngineAdapter adapter;
    protected EngineSession session;
    private final Materializer materializer = new Materializer();

    /** A fresh, empty in-memory database of the engine under test. */
    protected abstract EngineAdapter openAdapter();

    @BeforeEach
    void open() {
        adapter = openAdapter();
        session = adapter.openSession();
        session.createSchemaIfMissing(null, "analytics");
        session.execute("create table analytics.raw_orders (id integer, amount integer)");
        session.execute("insert into analytics.raw_orders values (1, 10), (2, 20)");
    }

    @AfterEach
    void close() {
        session.close();
        adapter.close();
    }

    protected ManifestNode model(String name, String materialized, String sql, Object... config) {
        return TestModels.model(adapter.dialect(), null, "analytics", name, materialized, sql, config);
    }

    protected MaterializationResult build(ManifestNode node) {
        return materializer.build(session, adapter.dialect(), node, false, List.of(), List.of());
    }

    protected MaterializationResult fullRefresh(ManifestNode node) {
        return materializer.build(session, adapter.dialect(), node, true, List.of(), List.of());
    }

    protected Relation relation(String identifier) {
        return adapter.dialect().withIdentifier(new Relation(null, "analytics", identifier, ""), identifier);
    }

    /** The rows of a query, numbers as longs. */
    protected List<List<Object>> rows(String sql) {
        return session.query(sql, 1000).rows().stream()
                .map(row -> row.stream().map(value -> value instanceof Number number && !(value instanceof Double)
                        ? (Object) number.longValue() : value).toList())
                .toList();
    }

    protected Optional<RelationType> typeOf(String identifier) {
        return session.describe(relation(identifier)).map(RelationInfo::type);
    }

    protected List<String> columnsOf(String identifier) {
        return session.describe(relation(identifier)).orElseThrow().columns().stream().map(ColumnInfo::name)
                .toList();
    }

    /** No temporary or backup relation of the model is left behind. */
    protected void assertNoLeftovers(String identifier) {
        assertThat(typeOf(identifier + "__quarry_tmp")).as("temporary relation").isEmpty();
        assertThat(typeOf(identifier + "__quarry_backup")).as("backup relation").isEmpty();
    }

    /** An expected row that may hold nulls, which {@code List.of} refuses. */
    protected static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    /** Changes the source: order 2 is now 25, order 3 is new. */
    protected void changeSource() {
        session.execute("update analytics.raw_orders set amount = 25 where id = 2");
        session.execute("insert into analytics.raw_orders values (3, 30)");
    }

    // ------------------------------------------------------------------ views

    @Test
    void aViewIsCreatedThenReplaced() {
        build(model("orders", "view", "select id from analytics.raw_orders"));
        MaterializationResult result = build(model("orders", "view",
                "select id, amount * 2 as doubled from analytics.raw_orders"));

        assertThat(typeOf("orders")).contains(RelationType.VIEW);
        assertThat(rows("select id, doubled from analytics.orders order by id"))
                .containsExactly(List.of(1L, 20L), List.of(2L, 40L));
        assertThat(result.summary()).isEqualTo("created view");
        assertNoLeftovers("orders");
    }

    @Test
    void aViewThatDoesNotCompileLeavesThePreviousView() {
        build(model("orders", "view", "select id from analytics.raw_orders"));

        assertThatThrownBy(() -> build(model("orders", "view", "select id from analytics.no_such_table")))
                .isInstanceOf(MaterializationException.class)
                .hasMessageStartingWith("models/orders.sql: error: ")
                .hasMessageContaining("no_such_table");

        assertThat(rows("select id from analytics.orders order by id")).containsExactly(List.of(1L), List.of(2L));
        assertNoLeftovers("orders");
    }

    // ------------------------------------------------------------------ tables

    @Test
    void aTableIsBuiltThenRebuilt() {
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));
        changeSource();
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));

        assertThat(typeOf("orders")).contains(RelationType.TABLE);
        assertThat(rows("select id, amount from analytics.orders order by id"))
                .containsExactly(List.of(1L, 10L), List.of(2L, 25L), List.of(3L, 30L));
        assertNoLeftovers("orders");
    }

    @Test
    void aViewBecomesATableAndBackAgain() {
        build(model("orders", "view", "select id from analytics.raw_orders"));
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));

        assertThat(typeOf("orders")).contains(RelationType.TABLE);
        assertThat(columnsOf("orders")).containsExactly("id", "amount");

        build(model("orders", "view", "select amount from analytics.raw_orders"));

        assertThat(typeOf("orders")).contains(RelationType.VIEW);
        assertThat(columnsOf("orders")).containsExactly("amount");
        assertNoLeftovers("orders");
    }

    @Test
    void aTableThatFailsToBuildLeavesThePreviousTableWithItsRows() {
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));

        assertThatThrownBy(() -> build(model("orders", "table", "select id, amont from analytics.raw_orders")))
                .isInstanceOfSatisfying(MaterializationException.class, failure -> {
                    assertThat(failure.getMessage()).startsWith("models/orders.sql: error: ").contains("amont");
                    assertThat(failure.statements()).first().asString().startsWith("create table");
                });

        assertThat(rows("select id, amount from analytics.orders order by id"))
                .containsExactly(List.of(1L, 10L), List.of(2L, 20L));
        assertNoLeftovers("orders");
    }

    @Test
    void leftoversOfAnInterruptedBuildAreDropped() {
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));
        session.execute("create view analytics.orders__quarry_tmp as select 1 as id");
        session.execute("create table analytics.orders__quarry_backup as select 1 as id");

        build(model("orders", "table", "select id from analytics.raw_orders"));

        assertThat(columnsOf("orders")).containsExactly("id");
        assertNoLeftovers("orders");
    }

    @Test
    void hooksRunBeforeAndAfterTheBuild() {
        session.execute("create table analytics.audit (step varchar(20))");

        materializer.build(session, adapter.dialect(), model("orders", "table",
                "select id, amount from analytics.raw_orders"), false,
                List.of("insert into analytics.audit values ('pre')"),
                List.of("insert into analytics.audit select 'post ' || cast(count(*) as varchar) "
                        + "from analytics.orders"));

        assertThat(rows("select step from analytics.audit")).containsExactly(List.of("pre"), List.of("post 2"));
    }

    @Test
    void aViewOverAReplacedViewSeesTheNewDefinition() {
        build(model("orders", "view", "select id, amount from analytics.raw_orders"));
        build(model("big_orders", "view", "select id from analytics.orders where amount > 15"));

        build(model("orders", "view", "select id, amount * 10 as amount from analytics.raw_orders"));

        assertThat(rows("select id from analytics.big_orders order by id")).containsExactly(List.of(1L), List.of(2L));
    }

    /** Builds {@code orders} as a table with a view {@code big_orders} over it, then changes the source. */
    protected void buildTableWithAViewOverIt() {
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));
        build(model("big_orders", "view", "select id from analytics.orders where amount > 15"));
        changeSource();
    }

    protected MaterializationResult rebuildOrdersTable() {
        return build(model("orders", "table", "select id, amount from analytics.raw_orders"));
    }

    // ------------------------------------------------------------------ incremental

    private ManifestNode orders(Object... config) {
        return model("orders", "incremental", "select id, amount from analytics.raw_orders where id >= 2", config);
    }

    @Test
    void anIncrementalModelIsATableOnItsFirstRun() {
        MaterializationResult result = build(orders("unique_key", List.of("id")));

        assertThat(typeOf("orders")).contains(RelationType.TABLE);
        assertThat(rows("select id, amount from analytics.orders")).containsExactly(List.of(2L, 20L));
        assertThat(result.summary()).isEqualTo("created table");
    }

    @Test
    void mergeUpdatesChangedRowsAndInsertsNewOnes() {
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));
        changeSource();

        MaterializationResult result = build(orders("unique_key", List.of("id")));

        assertThat(rows("select id, amount from analytics.orders order by id"))
                .containsExactly(List.of(1L, 10L), List.of(2L, 25L), List.of(3L, 30L));
        assertThat(result.rowsAffected()).hasValue(2);
        assertThat(result.summary()).isEqualTo("merged into table");
        assertNoLeftovers("orders");
    }

    @Test
    void deleteInsertReplacesChangedRowsAndInsertsNewOnes() {
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));
        changeSource();

        MaterializationResult result = build(orders("unique_key", List.of("id"),
                "incremental_strategy", "delete+insert"));

        assertThat(rows("select id, amount from analytics.orders order by id"))
                .containsExactly(List.of(1L, 10L), List.of(2L, 25L), List.of(3L, 30L));
        assertThat(result.rowsAffected()).hasValue(2);
        assertNoLeftovers("orders");
    }

    @Test
    void appendAddsEveryNewRow() {
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));
        changeSource();

        build(orders());

        assertThat(rows("select id, amount from analytics.orders order by id, amount")).containsExactly(
                List.of(1L, 10L), List.of(2L, 20L), List.of(2L, 25L), List.of(3L, 30L));
        assertNoLeftovers("orders");
    }

    @Test
    void aCompositeKeyMatchesOnAllItsColumns() {
        for (String strategy : List.of("merge", "delete+insert")) {
            build(model("orders", "table", "select id, id % 2 as part, 0 as amount from analytics.raw_orders"));

            build(model("orders", "incremental", "select id, 0 as part, amount from analytics.raw_orders",
                    "unique_key", List.of("id", "part"), "incremental_strategy", strategy));

            // (2, 0) matches and is replaced; (1, 0) is new; (1, 1) stays.
            assertThat(rows("select id, part, amount from analytics.orders order by id, part"))
                    .as(strategy).containsExactly(List.of(1L, 0L, 10L), List.of(1L, 1L, 0L),
                            List.of(2L, 0L, 20L));
        }
    }

    @Test
    void fullRefreshRebuildsTheTableFromTheModel() {
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));

        fullRefresh(orders("unique_key", List.of("id")));

        assertThat(rows("select id, amount from analytics.orders")).containsExactly(List.of(2L, 20L));
        assertNoLeftovers("orders");
    }

    // ------------------------------------------------------------------ schema changes

    /** The model now selects a new column {@code status} and no longer {@code amount}. */
    private ManifestNode changedOrders(String onSchemaChange) {
        return model("orders", "incremental",
                "select id, 'new' as status from analytics.raw_orders where id >= 2",
                "unique_key", List.of("id"), "on_schema_change", onSchemaChange);
    }

    private void buildOrdersTable() {
        build(model("orders", "table", "select id, amount from analytics.raw_orders"));
        changeSource();
    }

    @Test
    void ignoreWritesOnlyTheTablesColumns() {
        buildOrdersTable();

        build(changedOrders("ignore"));

        assertThat(columnsOf("orders")).containsExactly("id", "amount");
        assertThat(rows("select id, amount from analytics.orders order by id"))
                .containsExactly(List.of(1L, 10L), List.of(2L, 20L), row(3L, null));
        assertNoLeftovers("orders");
    }

    @Test
    void failStopsNamingTheColumnsAndLeavesTheTable() {
        buildOrdersTable();

        assertThatThrownBy(() -> build(changedOrders("fail")))
                .hasMessageContaining("(added 'status'; removed 'amount') and on_schema_change is 'fail'");

        assertThat(columnsOf("orders")).containsExactly("id", "amount");
        assertThat(rows("select count(*) from analytics.orders")).containsExactly(List.of(2L));
        assertNoLeftovers("orders");
    }

    @Test
    void appendNewColumnsAddsThem() {
        buildOrdersTable();

        build(changedOrders("append_new_columns"));

        assertThat(columnsOf("orders")).containsExactly("id", "amount", "status");
        assertThat(rows("select id, amount, status from analytics.orders order by id")).containsExactly(
                row(1L, 10L, null), List.of(2L, 20L, "new"), row(3L, null, "new"));
        assertNoLeftovers("orders");
    }

    @Test
    void syncAllColumnsAddsNewColumnsAndDropsRemovedOnes() {
        buildOrdersTable();

        build(changedOrders("sync_all_columns"));

        assertThat(columnsOf("orders")).containsExactly("id", "status");
        assertThat(rows("select id, status from analytics.orders order by id")).containsExactly(
                row(1L, null), List.of(2L, "new"), List.of(3L, "new"));
        assertNoLeftovers("orders");
    }

    // ------------------------------------------------------------------ failed incremental runs

    @Test
    void aFailedMergeLeavesTheTableAsItWas() {
        buildOrdersTable();
        // Two new rows for order 2: the merge cannot update one row twice.
        session.execute("insert into analytics.raw_orders values (2, 26)");

        assertThatThrownBy(() -> build(model("orders", "incremental",
                "select id, amount, 'new' as status from analytics.raw_orders where id >= 2",
                "unique_key", List.of("id"), "on_schema_change", "append_new_columns")))
                .isInstanceOf(MaterializationException.class);

        assertThat(columnsOf("orders")).containsExactly("id", "amount");
        assertThat(rows("select id, amount from analytics.orders order by id"))
                .containsExactly(List.of(1L, 10L), List.of(2L, 20L));
        assertNoLeftovers("orders");
    }

    @Test
    void aFailedDeleteInsertIsRolledBack() {
        buildOrdersTable();

        assertThatThrownBy(() -> build(model("orders", "incremental",
                "select id, case when id = 3 then 'x' else cast(amount as varchar) end as amount "
                        + "from analytics.raw_orders where id >= 2",
                "unique_key", List.of("id"), "incremental_strategy", "delete+insert")))
                .isInstanceOf(MaterializationException.class);

        assertThat(rows("select id, amount from analytics.orders order by id"))
                .containsExactly(List.of(1L, 10L), List.of(2L, 20L));
        assertNoLeftovers("orders");
    }

    @Test
    void aUniqueKeyTheModelDoesNotSelectLeavesTheTable() {
        buildOrdersTable();

        assertThatThrownBy(() -> build(orders("unique_key", List.of("order_id"))))
                .hasMessageStartingWith("models/orders.sql: error: unique_key column 'order_id' is not a column of "
                        + "the model (it selects id, amount)");

        assertThat(rows("select count(*) from analytics.orders")).containsExactly(List.of(2L));
        assertNoLeftovers("orders");
    }
}
