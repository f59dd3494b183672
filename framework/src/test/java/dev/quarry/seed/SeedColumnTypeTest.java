package dev.quarry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The type names column_types accepts, the SQL each engine gets, and which values fit which type. */
class SeedColumnTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bigint|bigint", "INTEGER|bigint", "int|bigint", "Int64|bigint", "smallint|bigint",
            "double|double", "double  precision|double", "float|double", "REAL|double", "float64|double",
            "decimal(10,2)|decimal(10,2)", "numeric( 12 , 4 )|decimal(12,4)", "decimal(7)|decimal(7,0)",
            "decimal|decimal(18,3)", "numeric|decimal(18,3)",
            "boolean|boolean", "bool|boolean", "date|date", "timestamp|timestamp", "datetime|timestamp",
            "varchar|varchar", "varchar(20)|varchar", "text|varchar", "STRING|varchar"})
    void acceptedNames(String written, String meant) {
        assertThat(SeedColumnType.parse(written)).hasValueSatisfying(type -> assertThat(type).hasToString(meant));
    }

    @ParameterizedTest
    @CsvSource({"uuid", "decimal(39,2)", "decimal(2,3)", "decimal(0)", "timestamptz", "varchar(x)", "''"})
    void rejectedNames(String written) {
        assertThat(SeedColumnType.parse(written)).isEmpty();
    }

    @Test
    void sqlTypesPerEngine() {
        SeedColumnType money = SeedColumnType.parse("decimal(10,2)").orElseThrow();
        for (String engine : new String[] {"duckdb", "h2"}) {
            assertThat(SeedColumnType.BIGINT.sqlType(engine)).isEqualTo("bigint");
            assertThat(SeedColumnType.DOUBLE.sqlType(engine)).isEqualTo("double");
            assertThat(money.sqlType(engine)).isEqualTo("decimal(10,2)");
            assertThat(SeedColumnType.BOOLEAN.sqlType(engine)).isEqualTo("boolean");
            assertThat(SeedColumnType.DATE.sqlType(engine)).isEqualTo("date");
            assertThat(SeedColumnType.TIMESTAMP.sqlType(engine)).isEqualTo("timestamp");
            assertThat(SeedColumnType.VARCHAR.sqlType(engine)).isEqualTo("varchar");
        }
        assertThat(SeedColumnType.BIGINT.sqlType("bigquery")).isEqualTo("int64");
        assertThat(money.sqlType("bigquery")).isEqualTo("numeric(10, 2)");
        assertThat(SeedColumnType.TIMESTAMP.sqlType("bigquery")).isEqualTo("datetime");
    }

    @Test
    void inferenceKinds() {
        assertThat(SeedValues.kinds("42")).isEqualTo(SeedValues.BIGINT | SeedValues.DOUBLE);
        assertThat(SeedValues.kinds("+42")).isEqualTo(SeedValues.BIGINT | SeedValues.DOUBLE);
        assertThat(SeedValues.kinds("-4.2e10")).isEqualTo(SeedValues.DOUBLE);
        assertThat(SeedValues.kinds(".5")).isEqualTo(SeedValues.DOUBLE);
        assertThat(SeedValues.kinds("5.")).isEqualTo(SeedValues.DOUBLE);
        assertThat(SeedValues.kinds("007")).isZero();
        assertThat(SeedValues.kinds("-")).isZero();
        assertThat(SeedValues.kinds(".")).isZero();
        assertThat(SeedValues.kinds("1e")).isZero();
        assertThat(SeedValues.kinds("tRuE")).isEqualTo(SeedValues.BOOLEAN);
        assertThat(SeedValues.kinds("t")).isZero();
        assertThat(SeedValues.kinds("2024-02-29")).isEqualTo(SeedValues.DATE | SeedValues.TIMESTAMP);
        assertThat(SeedValues.kinds("2023-02-29")).isZero();
        assertThat(SeedValues.kinds("2024-02-29T23:59:59.999")).isEqualTo(SeedValues.TIMESTAMP);
        assertThat(SeedValues.kinds("2024-02-29 24:00:00")).isZero();
        assertThat(SeedValues.kinds("2024-02-29 23:59:59.")).isZero();
        assertThat(SeedValues.kinds("2024-02-29 23:59:59.1234567890")).isZero();
    }

    @Test
    void conversions() {
        assertThat(SeedValues.convert("007", SeedColumnType.BIGINT)).isEqualTo(7L);
        assertThat(SeedValues.convert("-9223372036854775808", SeedColumnType.BIGINT)).isEqualTo(Long.MIN_VALUE);
        assertThat(SeedValues.convert("9223372036854775808", SeedColumnType.BIGINT)).isNull();
        assertThat(SeedValues.convert("1.5", SeedColumnType.BIGINT)).isNull();
        assertThat(SeedValues.convert("1e3", SeedColumnType.DOUBLE)).isEqualTo(1000.0);
        assertThat(SeedValues.convert("1e3", SeedColumnType.parse("decimal(6,2)").orElseThrow()))
                .isEqualTo(new BigDecimal("1000.00"));
        assertThat(SeedValues.convert("1.50", SeedColumnType.parse("decimal(3,1)").orElseThrow()))
                .isEqualTo(new BigDecimal("1.5"));
        assertThat(SeedValues.convert("0.000", SeedColumnType.parse("decimal(3,1)").orElseThrow()))
                .isEqualTo(new BigDecimal("0.0"));
        assertThat(SeedValues.convert("100", SeedColumnType.parse("decimal(3,1)").orElseThrow())).isNull();
        assertThat(SeedValues.convert("FALSE", SeedColumnType.BOOLEAN)).isEqualTo(false);
        assertThat(SeedValues.convert("2024-02-29 10:00:00", SeedColumnType.DATE)).isNull();
        assertThat(SeedValues.convert("2024-02-29T10:00:00.5", SeedColumnType.TIMESTAMP))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 0, 0, 500_000_000));
        assertThat(SeedValues.convert("anything", SeedColumnType.VARCHAR)).isEqualTo("anything");
    }
}
