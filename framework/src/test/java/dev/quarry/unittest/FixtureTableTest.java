package dev.quarry.unittest;

import static dev.quarry.unittest.FixtureRowsTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.bigquery.BigQueryDialect;
import dev.quarry.adapter.duckdb.DuckDbDialect;
import dev.quarry.adapter.h2.H2Dialect;

class FixtureTableTest {

    private static final List<ColumnInfo> INCIDENT_COLUMNS = List.of(new ColumnInfo("row_id", "BIGINT"),
            new ColumnInfo("resolution", "VARCHAR"), new ColumnInfo("reported_at", "TIMESTAMP"));

    private final FixtureTable duckDb = new FixtureTable(new DuckDbDialect());

    @Test
    void knownColumnsAppearInOrderInEveryRowCastToTheirTypes() {
        FixtureRows rows = FixtureRows.fromYaml(List.of(
                row("resolution", "Open", "row_id", 1, "reported_at", "2024-01-01 10:00:00"),
                row("row_id", 2)));

        FixtureSelect select = duckDb.select(rows, INCIDENT_COLUMNS);

        assertThat(select.ok()).isTrue();
        assertThat(select.sql()).isEqualTo("""
                select cast(1 as BIGINT) as "row_id", cast('Open' as VARCHAR) as "resolution", \
                cast('2024-01-01 10:00:00' as TIMESTAMP) as "reported_at"
                union all
                select cast(2 as BIGINT) as "row_id", cast(null as VARCHAR) as "resolution", \
                cast(null as TIMESTAMP) as "reported_at\"""");
    }

    @Test
    void knownColumnsMatchRowKeysWhateverTheirCase() {
        FixtureSelect select = duckDb.select(FixtureRows.fromYaml(List.of(row("ROW_ID", 5))),
                List.of(new ColumnInfo("row_id", "INTEGER")));

        assertThat(select.ok()).isTrue();
        assertThat(select.sql()).isEqualTo("select cast(5 as INTEGER) as \"row_id\"");
    }

    @Test
    void csvTextIsLeftToTheCastWhenTheColumnsAreKnown() {
        FixtureSelect select = duckDb.select(FixtureRows.fromCsv("row_id,resolution\n007,true\n"),
                List.of(new ColumnInfo("row_id", "VARCHAR"), new ColumnInfo("resolution", "VARCHAR")));

        assertThat(select.sql())
                .isEqualTo("select cast('007' as VARCHAR) as \"row_id\", cast('true' as VARCHAR) as \"resolution\"");
    }

    @Test
    void rowKeysTheKnownColumnsLackAreReportedPerRowAndLeftOut() {
        FixtureRows rows = FixtureRows.fromYaml(List.of(row("row_id", 1), row("row_id", 2, "colour", "red",
                "size", 3)));

        FixtureSelect select = duckDb.select(rows, INCIDENT_COLUMNS);

        assertThat(select.problems()).containsExactly(new FixtureProblem.UnknownColumns(1, List.of("colour", "size"),
                List.of("row_id", "resolution", "reported_at")));
        assertThat(select.problems().get(0).message()).isEqualTo("row 2 gives columns 'colour', 'size' that the "
                + "input does not have (its columns: row_id, resolution, reported_at)");
        assertThat(select.sql()).doesNotContain("colour", "red", "size");
        assertThat(select.ok()).isFalse();
    }

    @Test
    void zeroRowsWithKnownColumnsSelectTypedNullsThatNeverMatch() {
        FixtureSelect select = duckDb.select(FixtureRows.fromYaml(List.of()), INCIDENT_COLUMNS);

        assertThat(select.ok()).isTrue();
        assertThat(select.sql()).isEqualTo("select cast(null as BIGINT) as \"row_id\", cast(null as VARCHAR) as "
                + "\"resolution\", cast(null as TIMESTAMP) as \"reported_at\" where 1 = 0");
    }

    @Test
    void unknownColumnsAreTheRowsKeysWithLiteralsTypedByTheirValues() {
        FixtureRows rows = FixtureRows.fromYaml(List.of(row("id", 1, "amount", new BigDecimal("2.50")),
                row("name", "O'Brien", "id", 2, "active", true, "score", 1.5)));

        FixtureSelect select = duckDb.select(rows, List.of());

        assertThat(select.ok()).isTrue();
        assertThat(select.sql()).isEqualTo("""
                select 1 as "id", 2.50 as "amount", null as "name", null as "active", null as "score"
                union all
                select 2 as "id", null as "amount", 'O''Brien' as "name", true as "active", 1.5 as "score\"""");
    }

    @Test
    void csvTextThatLooksLikeANumberOrBooleanIsTypedWhenTheColumnsAreUnknown() {
        FixtureRows rows = FixtureRows.fromCsv("""
                id,amount,active,zip,day,name,nothing,empty
                42,-1.50,TRUE,02139,2024-01-01,Ann,,""
                """);

        FixtureSelect select = duckDb.select(rows, List.of());

        assertThat(select.sql()).isEqualTo("select 42 as \"id\", -1.50 as \"amount\", true as \"active\", "
                + "'02139' as \"zip\", '2024-01-01' as \"day\", 'Ann' as \"name\", null as \"nothing\", "
                + "'' as \"empty\"");
    }

    @Test
    void csvTextIsTypedColumnByColumnSoThatEveryRowOfAColumnHasOneType() {
        FixtureRows rows = FixtureRows.fromCsv("""
                zip,code,amount,flag,mixed
                02139,1,1,true,1
                94110,2,2.50,FALSE,
                ,,,,yes
                """);

        FixtureSelect select = duckDb.select(rows, List.of());

        assertThat(select.sql()).isEqualTo("""
                select '02139' as "zip", 1 as "code", 1 as "amount", true as "flag", '1' as "mixed"
                union all
                select '94110' as "zip", 2 as "code", 2.50 as "amount", false as "flag", null as "mixed"
                union all
                select null as "zip", null as "code", null as "amount", null as "flag", 'yes' as "mixed\"""");
    }

    @Test
    void yamlStringsStayStringsWhenTheColumnsAreUnknown() {
        FixtureSelect select = duckDb.select(FixtureRows.fromYaml(List.of(row("id", "42", "flag", "true"))),
                List.of());

        assertThat(select.sql()).isEqualTo("select '42' as \"id\", 'true' as \"flag\"");
    }

    @Test
    void aCsvHeaderWithoutRowsGivesUntypedColumnsThatNeverMatch() {
        FixtureSelect select = duckDb.select(FixtureRows.fromCsv("id,name\n"), List.of());

        assertThat(select.ok()).isTrue();
        assertThat(select.sql()).isEqualTo("select null as \"id\", null as \"name\" where 1 = 0");
    }

    @Test
    void zeroRowsWithUnknownColumnsCannotBeWritten() {
        FixtureSelect select = duckDb.select(FixtureRows.fromYaml(List.of()), List.of());

        assertThat(select.sql()).isNull();
        assertThat(select.problems()).containsExactly(new FixtureProblem.NoColumns());
        assertThat(select.problems().get(0).message()).startsWith("the input has no rows and its columns are "
                + "unknown: give the columns");
    }

    @Test
    void identifiersAreQuotedByTheDialect() {
        FixtureRows rows = FixtureRows.fromYaml(List.of(row("say \"hi\"", "it's")));

        assertThat(new FixtureTable(new H2Dialect()).select(rows, List.of()).sql())
                .isEqualTo("select 'it''s' as \"say \"\"hi\"\"\"");
        assertThat(new FixtureTable(new BigQueryDialect()).select(rows, List.of()).sql())
                .isEqualTo("select \"it's\" as `say \"hi\"`");
    }

    @Test
    void bigQueryCastsToTheTypesTheCallerNames() {
        FixtureSelect select = new FixtureTable(new BigQueryDialect()).select(
                FixtureRows.fromYaml(List.of(row("id", 1, "name", "a"))),
                List.of(new ColumnInfo("id", "INT64"), new ColumnInfo("name", "STRING")));

        assertThat(select.sql()).isEqualTo("select cast(1 as INT64) as `id`, cast(\"a\" as STRING) as `name`");
    }
}
