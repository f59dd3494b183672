package dev.quarry.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quarry.template.Relation;

/**
 * What every engine adapter must do alike; each engine's test extends it (public, so that an engine's test in its own
 * package can). The few statements whose SQL differs between engines are hooks with DuckDB's and H2's SQL as
 * defaults; integers compare by value whatever their Java width (BigQuery's are all Long).
 */
public abstract class AdapterContract {

    protected EngineAdapter adapter;
    protected EngineSession session;

    /** A fresh, empty database of the engine under test. */
    protected abstract EngineAdapter openAdapter();

    /** The schema the tests create and write to. */
    protected String schema() {
        return "analytics";
    }

    /** Creates {@code table} with the columns id, amount, price, ok, event_day, event_at (no time zone) and name. */
    protected String createTypedTable(Relation table) {
        return "create table " + table.rendered() + " (id bigint, amount double, price decimal(10,2), "
                + "ok boolean, event_day date, event_at timestamp, name varchar)";
    }

    /** Creates {@code table} with one integer column n. */
    protected String createNumbersTable(Relation table) {
        return "create table " + table.rendered() + " (n bigint)";
    }

    /** A column as text. */
    protected String asText(String column) {
        return "cast(" + column + " as varchar)";
    }

    /** A query of three rows of one column n. */
    protected String threeRows() {
        return "select * from (values (1), (2), (3)) as t(n)";
    }

    @BeforeEach
    void open() {
        adapter = openAdapter();
        session = adapter.openSession();
        session.createSchemaIfMissing(null, schema());
    }

    @AfterEach
    void close() {
        session.close();
        adapter.close();
    }

    private Relation relation(String name) {
        return adapter.dialect().withIdentifier(new Relation(null, schema(), name, ""), name);
    }

    /** A row with integers as Long, whatever width the engine returned them in. */
    private static List<Object> integersAsLong(List<Object> row) {
        return row.stream().map(value -> value instanceof Integer || value instanceof Short ? (Object) ((Number) value)
                .longValue() : value).toList();
    }

    @Test
    void createsSchemasOnceAndTablesInThem() {
        session.createSchemaIfMissing(null, schema());
        Relation orders = relation("orders");

        session.execute(adapter.dialect().createTableAs(orders, "select 1 as id, 'a' as name"));

        assertThat(session.query("select id, name from " + orders.rendered(), 10).rows())
                .extracting(AdapterContract::integersAsLong).containsExactly(List.of(1L, "a"));
    }

    @Test
    void describesTablesAndViewsWithTheirColumnsInOrder() {
        Relation table = relation("orders");
        Relation view = relation("orders_view");
        session.execute(adapter.dialect().createTableAs(table, "select 1 as id, 'a' as name, 2.5 as amount"));
        session.execute(adapter.dialect().createView(view, "select name, id from " + table.rendered()));

        RelationInfo tableInfo = session.describe(table).orElseThrow();
        RelationInfo viewInfo = session.describe(view).orElseThrow();

        assertThat(tableInfo.type()).isEqualTo(RelationType.TABLE);
        assertThat(tableInfo.columns()).extracting(ColumnInfo::name).containsExactly("id", "name", "amount");
        assertThat(viewInfo.type()).isEqualTo(RelationType.VIEW);
        assertThat(viewInfo.columns()).extracting(ColumnInfo::name).containsExactly("name", "id");
        assertThat(session.describe(relation("missing"))).isEmpty();
    }

    @Test
    void listsRelationsAsTheDialectWritesThem() {
        Relation table = relation("orders");
        session.execute(adapter.dialect().createTableAs(table, "select 1 as id"));

        assertThat(session.listRelations(false)).containsEntry(table.rendered(), RelationType.TABLE);
    }

    @Test
    void renamesAndDropsRelations() {
        Relation table = relation("orders");
        session.execute(adapter.dialect().createTableAs(table, "select 1 as id"));

        session.execute(adapter.dialect().rename(table, RelationType.TABLE, "orders_old"));
        session.execute(adapter.dialect().dropIfExists(relation("orders_old"), RelationType.TABLE));
        session.execute(adapter.dialect().dropIfExists(relation("orders_old"), RelationType.TABLE));

        assertThat(session.describe(table)).isEmpty();
        assertThat(session.describe(relation("orders_old"))).isEmpty();
    }

    @Test
    void appendsRowsOfEveryTypeInBulk() {
        Relation table = relation("typed");
        session.execute(createTypedTable(table));
        List<ColumnInfo> columns = List.of(new ColumnInfo("id", "bigint"), new ColumnInfo("amount", "double"),
                new ColumnInfo("price", "decimal(10,2)"), new ColumnInfo("ok", "boolean"),
                new ColumnInfo("event_day", "date"), new ColumnInfo("event_at", "timestamp"), new ColumnInfo("name", "varchar"));
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1L, 2.5, new BigDecimal("3.10"), true, LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2024, 2, 29, 13, 45, 1), "Mission"});
        rows.add(new Object[] {2L, null, null, null, null, null, null});

        assertThat(session.appendRows(table, columns, rows.iterator())).isEqualTo(2);

        QueryResult result = session.query("select id, amount, price, ok, " + asText("event_day") + ", "
                + asText("event_at") + ", name from " + table.rendered() + " order by id", 10);
        List<Object> first = result.rows().get(0);
        assertThat(List.of(first.get(0), first.get(1), first.get(3), first.get(4), first.get(5), first.get(6)))
                .extracting(Object::toString).containsExactly("1", "2.5", "true", "2024-02-29", "2024-02-29 13:45:01",
                        "Mission");
        // By value: BigQuery drops a NUMERIC's trailing zeros (3.1).
        assertThat(new BigDecimal(first.get(2).toString())).isEqualByComparingTo("3.10");
        assertThat(result.rows().get(1)).containsExactly(2L, null, null, null, null, null, null);
    }

    @Test
    void appendsManyRows() {
        Relation table = relation("numbers");
        session.execute(createNumbersTable(table));
        Iterator<Object[]> rows = LongStream.range(0, 25_000).mapToObj(n -> new Object[] {n}).iterator();

        assertThat(session.appendRows(table, List.of(new ColumnInfo("n", "bigint")), rows)).isEqualTo(25_000);
        assertThat(session.query("select count(*), sum(n) from " + table.rendered(), 1).rows().get(0))
                .extracting(value -> ((Number) value).longValue()).containsExactly(25_000L, 312_487_500L);
    }

    @Test
    void aFailedStatementIsAnEngineErrorWithTheEnginesMessageAndTheSessionGoesOn() {
        assertThatThrownBy(() -> session.execute("select * from " + relation("missing").rendered()))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("missing");

        assertThat(session.query("select 1 as one", 1).rows()).hasSize(1);
    }

    @Test
    void queriesFetchAtMostTheRowsAskedFor() {
        QueryResult result = session.query(threeRows(), 2);

        assertThat(result.rows()).hasSize(2);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void sessionsOfOneAdapterSeeTheSameDatabase() {
        Relation table = relation("shared");
        session.execute(adapter.dialect().createTableAs(table, "select 42 as answer"));

        try (EngineSession other = adapter.openSession()) {
            assertThat(other.query("select answer from " + table.rendered(), 1).rows())
                    .extracting(AdapterContract::integersAsLong).containsExactly(List.of(42L));
        }
    }
}
