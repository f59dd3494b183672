package dev.quarry.unittest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FixtureRowsTest {

    @Test
    void yamlRowsHaveTheUnionOfTheirKeysInFirstSeenOrderWithCaseIgnored() {
        FixtureRows rows = FixtureRows.fromYaml(List.of(Map.of("id", 1), row("ID", 2, "name", "b"),
                row("status", "open", "Name", "c")));

        assertThat(rows.columns()).containsExactly("id", "name", "status");
        assertThat(rows.textValues()).isFalse();
    }

    @Test
    void yamlRowsKeepNullValues() {
        FixtureRows rows = FixtureRows.fromYaml(List.of(row("id", null)));

        assertThat(rows.rows().get(0)).containsEntry("id", null);
    }

    @Test
    void aCsvHeaderNamesTheColumnsAndEveryValueIsText() {
        FixtureRows rows = FixtureRows.fromCsv("id,name,amount\n1,Alice,2.50\n2,Bob,\n");

        assertThat(rows.columns()).containsExactly("id", "name", "amount");
        assertThat(rows.textValues()).isTrue();
        assertThat(rows.rows()).containsExactly(row("id", "1", "name", "Alice", "amount", "2.50"),
                row("id", "2", "name", "Bob", "amount", null));
    }

    @Test
    void anEmptyCsvFieldIsNullAndAQuotedEmptyFieldIsTheEmptyString() {
        FixtureRows rows = FixtureRows.fromCsv("a,b\n,\"\"\n");

        assertThat(rows.rows()).containsExactly(row("a", null, "b", ""));
    }

    @Test
    void csvQuotesKeepCommasQuotesSpacesAndLineBreaks() {
        FixtureRows rows = FixtureRows.fromCsv("a , b\n\"x, \"\"y\"\"\" , \" padded \"\n\"two\nlines\",z\n");

        assertThat(rows.columns()).containsExactly("a", "b");
        assertThat(rows.rows()).containsExactly(row("a", "x, \"y\"", "b", " padded "),
                row("a", "two\nlines", "b", "z"));
    }

    @Test
    void blankCsvLinesAreSkipped() {
        FixtureRows rows = FixtureRows.fromCsv("\nid\n\n1\n\n2\n");

        assertThat(rows.rows()).containsExactly(row("id", "1"), row("id", "2"));
    }

    @Test
    void aCsvHeaderWithoutRowsStillNamesTheColumns() {
        FixtureRows rows = FixtureRows.fromCsv("id,name\n");

        assertThat(rows.columns()).containsExactly("id", "name");
        assertThat(rows.rows()).isEmpty();
    }

    @Test
    void aCsvRowWithTheWrongNumberOfFieldsSaysItsLine() {
        assertThatThrownBy(() -> FixtureRows.fromCsv("id,name\n1,a\n\"x\ny\",b,c\n"))
                .isInstanceOf(CsvFixtureException.class)
                .hasMessage("line 3: this row has 3 fields, but the header names 2 columns")
                .extracting(failure -> ((CsvFixtureException) failure).line()).isEqualTo(3);
    }

    @Test
    void emptyCsvTextHasNoHeader() {
        assertThatThrownBy(() -> FixtureRows.fromCsv("  \n"))
                .hasMessage("line 1: the CSV is empty: its first line must name the columns");
    }

    @Test
    void aCsvHeaderNamesEachColumnOnce() {
        assertThatThrownBy(() -> FixtureRows.fromCsv("id,ID\n"))
                .hasMessage("line 1: the header names column 'ID' twice");
        assertThatThrownBy(() -> FixtureRows.fromCsv("id,,name\n"))
                .hasMessage("line 1: column 2 of the header has no name");
    }

    @Test
    void anUnclosedCsvQuoteIsNotCsv() {
        assertThatThrownBy(() -> FixtureRows.fromCsv("id\n\"open\n"))
                .isInstanceOf(CsvFixtureException.class)
                .hasMessageStartingWith("line ")
                .hasMessageContaining("not valid CSV");
    }

    @Test
    void aRowsValueIsFoundWhateverTheCaseOfItsName() {
        Map<String, Object> row = row("Row_ID", 7);

        assertThat(FixtureRows.value(row, "row_id")).isEqualTo(7);
        assertThat(FixtureRows.value(row, "other")).isNull();
    }

    /** A row of alternating names and values, in order; values may be null. */
    static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        List<Object> items = Arrays.asList(namesAndValues);
        for (int index = 0; index < items.size(); index += 2) {
            row.put((String) items.get(index), items.get(index + 1));
        }
        return row;
    }
}
