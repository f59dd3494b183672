package dev.quarry.unittest;

import static dev.quarry.unittest.FixtureRowsTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.QueryResult;

class RowComparatorTest {

    private static final List<ColumnInfo> INCIDENTS = List.of(new ColumnInfo("row_id", "BIGINT"),
            new ColumnInfo("resolution", "VARCHAR"), new ColumnInfo("district", "VARCHAR"));

    @Test
    void rowsThatMatchInAnyOrderPassOnTheExpectedColumnsOnly() {
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("row_id", 1, "resolution", "Open"),
                row("row_id", 2, "resolution", "Unfounded")));
        QueryResult actual = result(INCIDENTS, List.of(2L, "Unfounded", "Mission"), List.of(1L, "Open", "Bayview"));

        RowComparison comparison = RowComparator.compare(expected, actual, false);

        assertThat(comparison.passed()).isTrue();
        assertThat(comparison.text())
                .isEqualTo("expected 2 rows, got 2; all match (columns compared: row_id, resolution)");
        assertThat(comparison.details()).isEmpty();
    }

    @Test
    void aDifferingRowIsShownAsTheExpectedRowMissingAndTheActualRowUnexpected() {
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("row_id", 1, "resolution", "Cite or Arrest Adult"),
                row("row_id", 2, "resolution", "Unfounded"), row("row_id", 3, "resolution", "Exceptional")));
        QueryResult actual = result(INCIDENTS, List.of(3L, "Exceptional", "Mission"),
                List.of(2L, "Unfounded", "Mission"), List.of(1L, "Open or Active", "Bayview"));

        RowComparison comparison = RowComparator.compare(expected, actual, false);

        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.text()).isEqualTo("""
                expected 3 rows, got 3; 1 expected row missing, 1 unexpected row (columns compared: row_id, resolution)
                (- expected, not returned; + returned, not expected)
                  row_id | resolution
                  -------+---------------------
                - 1      | Cite or Arrest Adult
                + 1      | Open or Active
                  2      | Unfounded
                  3      | Exceptional""");
    }

    @Test
    void valuesAreComparedAsTheKindOfTheirResultColumn() {
        List<ColumnInfo> columns = List.of(new ColumnInfo("id", "BIGINT"), new ColumnInfo("amount", "DECIMAL(10,2)"),
                new ColumnInfo("ratio", "DOUBLE"), new ColumnInfo("day", "DATE"), new ColumnInfo("at", "TIMESTAMP"),
                new ColumnInfo("active", "BOOLEAN"), new ColumnInfo("note", "VARCHAR"));
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("id", 1, "amount", 2, "ratio", 1, "day",
                "2024-01-01", "at", "2024-01-01 00:00", "active", "true", "note", null)));
        QueryResult actual = result(columns, Arrays.asList(1L, new BigDecimal("2.00"), 1.0d, LocalDate.of(2024, 1, 1),
                Timestamp.valueOf("2024-01-01 00:00:00"), true, null));

        assertThat(RowComparator.compare(expected, actual, false).passed()).isTrue();
    }

    @Test
    void csvExpectationsAreReadAsTheirColumnsKinds() {
        FixtureRows expected = FixtureRows.fromCsv("id,amount,active,note\n1,2.50,TRUE,\n");
        QueryResult actual = result(List.of(new ColumnInfo("id", "INTEGER"), new ColumnInfo("amount", "DECIMAL"),
                new ColumnInfo("active", "BOOLEAN"), new ColumnInfo("note", "VARCHAR")),
                Arrays.asList(1, new BigDecimal("2.5"), true, null));

        assertThat(RowComparator.compare(expected, actual, false).passed()).isTrue();
    }

    @Test
    void nullEqualsOnlyNull() {
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("note", null), row("note", "")));
        QueryResult actual = result(List.of(new ColumnInfo("note", "VARCHAR")), Arrays.asList(""),
                Arrays.asList((Object) null));

        assertThat(RowComparator.compare(expected, actual, false).passed()).isTrue();

        RowComparison swapped = RowComparator.compare(FixtureRows.fromYaml(List.of(row("note", null))),
                result(List.of(new ColumnInfo("note", "VARCHAR")), Arrays.asList("")), false);
        assertThat(swapped.text()).isEqualTo("""
                expected 1 row, got 1; 1 expected row missing, 1 unexpected row (columns compared: note)
                (- expected, not returned; + returned, not expected)
                  note
                  ----
                + ''
                - null""");
    }

    @Test
    void columnNamesMatchWhateverTheirCase() {
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("ROW_ID", 1)));
        QueryResult actual = result(INCIDENTS, List.of(1L, "Open", "Mission"));

        RowComparison comparison = RowComparator.compare(expected, actual, false);

        assertThat(comparison.passed()).isTrue();
        assertThat(comparison.summary()).endsWith("(columns compared: row_id)");
    }

    @Test
    void anExpectedColumnTheResultLacksNamesTheColumnsThereAre() {
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("row_id", 1, "outcome", "x", "zone", 3)));
        QueryResult actual = result(INCIDENTS, List.of(1L, "Open", "Mission"));

        RowComparison comparison = RowComparator.compare(expected, actual, false);

        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.text()).isEqualTo(
                "the result has no columns 'outcome', 'zone' (its columns: row_id, resolution, district)");
    }

    @Test
    void rowsAreMultisetsSoADuplicateMustBeThereTwice() {
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("row_id", 1), row("row_id", 1)));
        QueryResult actual = result(INCIDENTS, List.of(1L, "Open", "Mission"));

        RowComparison comparison = RowComparator.compare(expected, actual, false);

        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.text()).isEqualTo("""
                expected 2 rows, got 1; 1 expected row missing (columns compared: row_id)
                (- expected, not returned; + returned, not expected)
                  row_id
                  ------
                  1
                - 1""");
    }

    @Test
    void orderedRowsAreComparedPositionByPosition() {
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("row_id", 1), row("row_id", 2), row("row_id", 3)));
        QueryResult actual = result(INCIDENTS, List.of(1L, "Open", "Mission"), List.of(3L, "Open", "Mission"),
                List.of(2L, "Open", "Mission"), List.of(4L, "Open", "Mission"));

        assertThat(RowComparator.compare(expected, actual, false).summary())
                .isEqualTo("expected 3 rows, got 4; 1 unexpected row (columns compared: row_id)");
        RowComparison comparison = RowComparator.compare(expected, actual, true);

        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.text()).isEqualTo("""
                expected 3 rows in order, got 4; 3 positions differ (columns compared: row_id)
                (- expected at this position, + returned at this position)
                  # | row_id
                  --+-------
                  1 | 1
                - 2 | 2
                + 2 | 3
                - 3 | 3
                + 3 | 2
                + 4 | 4""");
    }

    @Test
    void orderedRowsInTheirOrderPass() {
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("row_id", 2), row("row_id", 1)));
        QueryResult actual = result(INCIDENTS, List.of(2L, "Open", "Mission"), List.of(1L, "Open", "Mission"));

        RowComparison comparison = RowComparator.compare(expected, actual, true);

        assertThat(comparison.passed()).isTrue();
        assertThat(comparison.summary())
                .isEqualTo("expected 2 rows in order, got 2; all match (columns compared: row_id)");
    }

    @Test
    void noExpectedRowsComparesEveryColumn() {
        QueryResult actual = result(INCIDENTS, List.of(1L, "Open", "Mission"));

        RowComparison comparison = RowComparator.compare(FixtureRows.fromYaml(List.of()), actual, false);

        assertThat(comparison.text()).isEqualTo("""
                expected 0 rows, got 1; 1 unexpected row (columns compared: row_id, resolution, district)
                (- expected, not returned; + returned, not expected)
                  row_id | resolution | district
                  -------+------------+---------
                + 1      | Open       | Mission""");
        assertThat(RowComparator.compare(FixtureRows.fromYaml(List.of()), result(INCIDENTS), false).passed())
                .isTrue();
    }

    @Test
    void aResultCutShortByTheRowLimitNeverPasses() {
        FixtureRows expected = FixtureRows.fromYaml(List.of(row("row_id", 1)));
        QueryResult actual = new QueryResult(INCIDENTS, List.of(List.of(1L, "Open", "Mission")), true);

        RowComparison comparison = RowComparator.compare(expected, actual, false);

        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.summary()).isEqualTo("expected 1 row, got more than 1 (the query stopped fetching "
                + "there); the rows fetched match, but there are more (columns compared: row_id)");
    }

    @Test
    void aLongDiffShowsTheDifferingRowsFirstAndCountsTheRest() {
        List<Map<String, Object>> expectedRows = IntStream.rangeClosed(1, 120).mapToObj(id -> row("row_id", id))
                .toList();
        List<List<Object>> actualRows = new ArrayList<>();
        IntStream.rangeClosed(1, 117).forEach(id -> actualRows.add(List.of((long) id, "Open", "Mission")));
        IntStream.rangeClosed(1001, 1003).forEach(id -> actualRows.add(List.of((long) id, "Open", "Mission")));

        RowComparison comparison = RowComparator.compare(FixtureRows.fromYaml(expectedRows),
                new QueryResult(INCIDENTS, actualRows, false), false);

        List<String> lines = comparison.details().lines().toList();
        assertThat(comparison.summary()).startsWith("expected 120 rows, got 120; 3 expected rows missing, "
                + "3 unexpected rows");
        assertThat(lines).hasSize(1 + 2 + RowComparator.MOST_ROWS_SHOWN + 1);
        assertThat(lines).filteredOn(line -> line.startsWith("- ")).containsExactly("- 118", "- 119", "- 120");
        assertThat(lines).filteredOn(line -> line.startsWith("+ ")).containsExactly("+ 1001", "+ 1002", "+ 1003");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  ... 73 more rows (73 matching)");
    }

    @Test
    void aDiffWithMoreDifferingRowsThanItShowsCountsThem() {
        List<Map<String, Object>> expectedRows = IntStream.rangeClosed(1, 60).mapToObj(id -> row("row_id", id))
                .toList();

        RowComparison comparison = RowComparator.compare(FixtureRows.fromYaml(expectedRows), result(INCIDENTS),
                false);

        List<String> lines = comparison.details().lines().toList();
        assertThat(lines.get(lines.size() - 2)).isEqualTo("- 50");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  ... 10 more rows (10 differing)");
    }

    private static QueryResult result(List<ColumnInfo> columns, List<?>... rows) {
        List<List<Object>> values = new ArrayList<>();
        for (List<?> row : rows) {
            values.add(new ArrayList<>(row));
        }
        return new QueryResult(columns, values, false);
    }
}
