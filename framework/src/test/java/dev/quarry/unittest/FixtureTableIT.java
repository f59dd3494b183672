package dev.quarry.unittest;

import static dev.quarry.unittest.FixtureRowsTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineAdapter;
import dev.quarry.adapter.EngineSession;
import dev.quarry.adapter.QueryResult;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.duckdb.DuckDbAdapter;
import dev.quarry.adapter.h2.H2Adapter;
import dev.quarry.error.SourceLocation;
import dev.quarry.project.Target;
import dev.quarry.template.Relation;

/**
 * Fixture selects run on embedded DuckDB and H2, and their rows compared back with {@link RowComparator}: what the
 * engines make of the literals, and what their JDBC drivers return for each type.
 */
class FixtureTableIT {

    /** One column of every type a unit test commonly gives, as DuckDB and H2 both spell them. */
    private static final List<ColumnInfo> EVERY_TYPE = List.of(new ColumnInfo("id", "BIGINT"),
            new ColumnInfo("count", "INTEGER"), new ColumnInfo("amount", "DECIMAL(10,2)"),
            new ColumnInfo("ratio", "DOUBLE"), new ColumnInfo("name", "VARCHAR"), new ColumnInfo("day", "DATE"),
            new ColumnInfo("at", "TIMESTAMP"), new ColumnInfo("active", "BOOLEAN"), new ColumnInfo("clock", "TIME"),
            new ColumnInfo("at_utc", "TIMESTAMP WITH TIME ZONE"));

    enum Engine {
        DUCKDB, H2;

        EngineAdapter open() {
            Map<String, Object> inMemory = Map.of("path", ":memory:");
            SourceLocation profiles = SourceLocation.of("profiles.yml");
            return switch (this) {
                case DUCKDB -> DuckDbAdapter.open(new Target("test", "dev", "duckdb", "main", null, 1, inMemory,
                        profiles), Path.of("."));
                case H2 -> H2Adapter.open(new Target("test", "dev", "h2", "public", null, 1, inMemory, profiles),
                        Path.of("."));
            };
        }
    }

    private EngineAdapter adapter;
    private EngineSession session;
    private FixtureTable fixtureTable;

    private void open(Engine engine) {
        adapter = engine.open();
        session = adapter.openSession();
        fixtureTable = new FixtureTable(adapter.dialect());
    }

    @AfterEach
    void close() {
        if (session != null) {
            session.close();
            adapter.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void yamlValuesOfEveryKindComeBackEqualWhenTheColumnsAreUnknown(Engine engine) {
        open(engine);
        FixtureRows rows = FixtureRows.fromYaml(List.of(
                row("id", 1, "big", 9_000_000_000L, "ratio", 2.5, "amount", new BigDecimal("1.25"), "active", true,
                        "name", "O'Brien said \"hi\" \\ twice\nand left", "nothing", null),
                row("id", 2, "big", -1L, "ratio", 1e-3, "amount", new BigDecimal("-10.5"), "active", false,
                        "name", "", "nothing", null)));

        QueryResult result = run(fixtureTable.select(rows, List.of()));

        assertThat(result.columns()).extracting(ColumnInfo::name)
                .containsExactly("id", "big", "ratio", "amount", "active", "name", "nothing");
        assertThat(result.rows().get(0).get(5)).isEqualTo("O'Brien said \"hi\" \\ twice\nand left");
        assertThat(result.rows().get(0).get(4)).isEqualTo(true);
        assertThat(RowComparator.compare(rows, result, true).passed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void knownColumnsCastEveryValueToItsTypeAndTheDriversValuesEqualTheUsualTexts(Engine engine) {
        open(engine);
        FixtureRows given = FixtureRows.fromYaml(List.of(
                row("id", 1, "count", 7, "amount", "2.5", "ratio", 1, "name", "it's", "day", "2024-01-31",
                        "at", "2024-01-31 10:30:00", "active", "true", "clock", "10:30:00",
                        "at_utc", "2024-01-31 10:30:00+02"),
                row("id", 2)));

        QueryResult result = run(fixtureTable.select(given, EVERY_TYPE));

        assertThat(result.columns()).extracting(ColumnInfo::name)
                .containsExactly("id", "count", "amount", "ratio", "name", "day", "at", "active", "clock", "at_utc");
        assertThat(result.rows().get(0).get(2)).isEqualTo(new BigDecimal("2.50"));
        assertThat(result.rows().get(1).subList(1, EVERY_TYPE.size())).containsOnlyNulls();
        FixtureRows expected = FixtureRows.fromYaml(List.of(
                row("id", 1L, "count", 7, "amount", 2.5, "ratio", new BigDecimal("1.00"), "name", "it's",
                        "day", "2024-01-31", "at", "2024-01-31T10:30", "active", true, "clock", "10:30",
                        "at_utc", "2024-01-31 08:30:00"),
                row("id", 2, "count", null)));
        assertThat(RowComparator.compare(expected, result, false).passed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aValueThatDiffersOnTheEngineIsShownInTheDiff(Engine engine) {
        open(engine);
        FixtureRows given = FixtureRows.fromYaml(List.of(row("id", 1, "amount", 2.5, "at", "2024-01-31 10:30")));
        QueryResult result = run(fixtureTable.select(given, List.of(new ColumnInfo("id", "BIGINT"),
                new ColumnInfo("amount", "DECIMAL(10,2)"), new ColumnInfo("at", "TIMESTAMP"))));

        RowComparison comparison = RowComparator.compare(FixtureRows.fromYaml(List.of(
                row("id", 1, "amount", 2.51, "at", "2024-01-31 10:30"))), result, false);

        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.details()).contains("""
                  id | amount | at
                  ---+--------+--------------------
                + 1  | 2.5    | 2024-01-31 10:30:00
                - 1  | 2.51   | 2024-01-31 10:30:00""");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void csvTextIsTypedWhenTheColumnsAreUnknown(Engine engine) {
        open(engine);
        FixtureRows rows = FixtureRows.fromCsv("""
                id,amount,active,zip,day,name,nothing,empty
                1,1.50,TRUE,02139,2024-01-01,"Smith, ""Jo""\",,""
                2,-3,false,94110,2024-02-29,O'Hara,,x
                """);

        QueryResult result = run(fixtureTable.select(rows, List.of()));

        List<Object> first = result.rows().get(0);
        assertThat(first.get(0)).isInstanceOf(Number.class);
        assertThat(first.get(1)).isInstanceOf(BigDecimal.class);
        assertThat(first.get(2)).isEqualTo(true);
        assertThat(first.get(3)).isEqualTo("02139");
        assertThat(first.get(4)).isEqualTo("2024-01-01");
        assertThat(first.get(5)).isEqualTo("Smith, \"Jo\"");
        assertThat(first.get(6)).isNull();
        assertThat(first.get(7)).isEqualTo("");
        assertThat(RowComparator.compare(rows, result, true).passed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void csvTextIsCastWhenTheColumnsAreKnown(Engine engine) {
        open(engine);
        FixtureRows rows = FixtureRows.fromCsv("""
                id,amount,day,at,active,name
                1,1.5,2024-01-31,2024-01-31 10:30:00,true,007
                2,,,,,
                """);

        QueryResult result = run(fixtureTable.select(rows, EVERY_TYPE));

        assertThat(result.rows().get(0).get(4)).isEqualTo("007");
        assertThat(result.rows().get(1).subList(1, EVERY_TYPE.size())).containsOnlyNulls();
        assertThat(RowComparator.compare(rows, result, true).passed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void zeroRowsWithKnownColumnsAreAnEmptyTableOfThoseColumns(Engine engine) {
        open(engine);

        QueryResult result = run(fixtureTable.select(FixtureRows.fromYaml(List.of()), EVERY_TYPE));

        assertThat(result.rows()).isEmpty();
        assertThat(result.columns()).extracting(ColumnInfo::name)
                .containsExactly("id", "count", "amount", "ratio", "name", "day", "at", "active", "clock", "at_utc");
        assertThat(result.columns().get(0).dataType()).isEqualToIgnoringCase("BIGINT");
        assertThat(result.columns().get(5).dataType()).isEqualToIgnoringCase("DATE");
        assertThat(RowComparator.compare(FixtureRows.fromYaml(List.of()), result, false).passed()).isTrue();
        assertThat(RowComparator.compare(FixtureRows.fromCsv("id,name\n"), result, false).passed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCsvHeaderWithoutRowsIsAnEmptyTableOfItsColumns(Engine engine) {
        open(engine);

        QueryResult result = run(fixtureTable.select(FixtureRows.fromCsv("id,name\n"), List.of()));

        assertThat(result.rows()).isEmpty();
        assertThat(result.columns()).extracting(ColumnInfo::name).containsExactly("id", "name");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void namesAndStringsWithQuotesAndNullsSurvive(Engine engine) {
        open(engine);
        FixtureRows rows = FixtureRows.fromYaml(List.of(
                row("say \"hi\"", "it's", "it's", "'", "x", null),
                row("say \"hi\"", null, "it's", "''", "x", 1),
                row("say \"hi\"", "null", "it's", null)));

        QueryResult result = run(fixtureTable.select(rows, List.of()));

        assertThat(result.columns()).extracting(ColumnInfo::name).containsExactly("say \"hi\"", "it's", "x");
        assertThat(result.rows().get(2)).containsExactly("null", null, null);
        assertThat(RowComparator.compare(rows, result, true).passed()).isTrue();
        RowComparison nullIsNotTheWordNull = RowComparator.compare(FixtureRows.fromYaml(List.of(
                row("say \"hi\"", "it's"), row("say \"hi\"", null), row("say \"hi\"", null))), result, false);
        assertThat(nullIsNotTheWordNull.details().lines()).contains("+ 'null'", "- null");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void integersAndDecimalsInOneColumnAreOneNumericColumn(Engine engine) {
        open(engine);
        FixtureRows rows = FixtureRows.fromYaml(List.of(row("n", 1), row("n", 2.5), row("n", null),
                row("n", new BigDecimal("10.125"))));

        QueryResult result = run(fixtureTable.select(rows, List.of()));

        assertThat(RowComparator.compare(rows, result, true).passed()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFixtureStandsInForAnInputOfAModelAsACommonTableExpression(Engine engine) {
        open(engine);
        FixtureSelect incidents = fixtureTable.select(FixtureRows.fromCsv("""
                row_id,resolution
                1,Open or Active
                2,Unfounded
                3,Open or Active
                """), List.of());
        String model = "with \"stg_incidents\" as (\n" + incidents.sql() + "\n)\nselect resolution, count(*) as "
                + "incidents from \"stg_incidents\" group by resolution";

        QueryResult result = session.query(model, 100);

        RowComparison comparison = RowComparator.compare(FixtureRows.fromYaml(List.of(
                row("resolution", "Unfounded", "incidents", 1), row("resolution", "Open or Active", "incidents", 2))),
                result, false);
        assertThat(comparison.passed()).as(comparison.text()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void columnsDescribedByTheEngineTypeTheRows(Engine engine) {
        open(engine);
        session.createSchemaIfMissing(null, "raw");
        Relation table = adapter.dialect().withIdentifier(new Relation(null, "raw", "incidents", ""), "incidents");
        session.execute("create table " + table.rendered() + " (row_id bigint, resolution varchar, reported date, "
                + "reported_at timestamp, closed boolean, score double)");
        List<ColumnInfo> columns = session.describe(table).map(RelationInfo::columns).orElseThrow();
        FixtureRows rows = FixtureRows.fromYaml(List.of(
                row("row_id", 1, "resolution", "Open", "reported", "2024-01-01", "reported_at", "2024-01-01 00:00",
                        "closed", false, "score", 3),
                row("row_id", 2)));

        FixtureSelect select = fixtureTable.select(rows, columns);
        session.execute("insert into " + table.rendered() + "\n" + select.sql());

        QueryResult result = session.query("select * from " + table.rendered(), 100);
        assertThat(RowComparator.compare(rows, result, false).passed()).isTrue();
    }

    private QueryResult run(FixtureSelect select) {
        assertThat(select.problems()).isEmpty();
        return session.query("with \"fixture\" as (\n" + select.sql() + "\n)\nselect * from \"fixture\"", 1_000);
    }
}
