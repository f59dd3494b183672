package dev.quarry.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.bigquery.BigQueryDialect;
import dev.quarry.adapter.duckdb.DuckDbDialect;

class SqlLiteralsTest {

    private final SqlLiterals duckDb = new SqlLiterals(new DuckDbDialect());
    private final SqlLiterals bigQuery = new SqlLiterals(new BigQueryDialect());

    @Test
    void numbersAndBooleansAreWrittenAsTheyAre() {
        assertThat(duckDb.literal(42)).isEqualTo("42");
        assertThat(duckDb.literal(-9_000_000_000L)).isEqualTo("-9000000000");
        assertThat(duckDb.literal(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(duckDb.literal(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(duckDb.literal(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(duckDb.literal(2.5)).isEqualTo("2.5");
        assertThat(duckDb.literal(true)).isEqualTo("true");
        assertThat(duckDb.literal(null)).isEqualTo("null");
    }

    @Test
    void doublesThatAreNotFiniteAreCastFromText() {
        assertThat(duckDb.literal(Double.NaN)).isEqualTo("cast('NaN' as double)");
        assertThat(duckDb.literal(Double.NEGATIVE_INFINITY)).isEqualTo("cast('-Infinity' as double)");
        assertThat(bigQuery.literal(Double.POSITIVE_INFINITY)).isEqualTo("cast(\"Infinity\" as FLOAT64)");
    }

    @Test
    void standardStringsDoubleTheirQuotes() {
        assertThat(duckDb.literal("it's \\ \"fine\"\nnext")).isEqualTo("'it''s \\ \"fine\"\nnext'");
    }

    @Test
    void bigQueryStringsEscapeWithABackslash() {
        assertThat(bigQuery.literal("it's \\ \"fine\"\r\nnext")).isEqualTo("\"it's \\\\ \\\"fine\\\"\\r\\nnext\"");
    }

    @Test
    void datesAndTimestampsAreTypedLiterals() {
        assertThat(duckDb.literal(LocalDate.of(2024, 1, 31))).isEqualTo("date '2024-01-31'");
        assertThat(duckDb.literal(LocalDateTime.of(2024, 1, 31, 10, 0))).isEqualTo("timestamp '2024-01-31 10:00:00'");
        assertThat(duckDb.literal(LocalDateTime.of(2024, 1, 31, 10, 0, 5, 250_000_000)))
                .isEqualTo("timestamp '2024-01-31 10:00:05.25'");
        assertThat(bigQuery.literal(LocalDateTime.of(2024, 1, 31, 10, 0))).isEqualTo("datetime \"2024-01-31 10:00:00\"");
    }

    @Test
    void aCastNeedsAType() {
        assertThat(duckDb.cast("1", "INTEGER")).isEqualTo("cast('1' as INTEGER)");
        assertThat(duckDb.cast(null, "DATE")).isEqualTo("cast(null as DATE)");
        assertThat(duckDb.cast("x", null)).isEqualTo("'x'");
        assertThat(duckDb.cast("x", " ")).isEqualTo("'x'");
    }
}
