package dev.quarry.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ValueKindTest {

    @Test
    void theKindOfAnActualValueFollowsItsJavaClass() {
        assertThat(ValueKind.of(1L)).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.of(new BigDecimal("1.00"))).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.of(true)).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.of(LocalDate.of(2024, 1, 1))).isEqualTo(ValueKind.DATE);
        assertThat(ValueKind.of(java.sql.Date.valueOf("2024-01-01"))).isEqualTo(ValueKind.DATE);
        assertThat(ValueKind.of(java.sql.Time.valueOf("10:00:00"))).isEqualTo(ValueKind.TIME);
        assertThat(ValueKind.of(Timestamp.valueOf("2024-01-01 00:00:00"))).isEqualTo(ValueKind.TIMESTAMP);
        assertThat(ValueKind.of(OffsetDateTime.now())).isEqualTo(ValueKind.TIMESTAMP_WITH_OFFSET);
        assertThat(ValueKind.of("x")).isEqualTo(ValueKind.TEXT);
        assertThat(ValueKind.of(null)).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void theKindOfAColumnWithoutValuesFollowsItsTypeName() {
        assertThat(ValueKind.ofType("BIGINT")).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.ofType("DECIMAL(10,2)")).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.ofType("DOUBLE PRECISION")).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.ofType("numeric")).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.ofType("FLOAT64")).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.ofType("BOOLEAN")).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.ofType("DATE")).isEqualTo(ValueKind.DATE);
        assertThat(ValueKind.ofType("TIME")).isEqualTo(ValueKind.TIME);
        assertThat(ValueKind.ofType("TIMESTAMP")).isEqualTo(ValueKind.TIMESTAMP);
        assertThat(ValueKind.ofType("TIMESTAMP(6)")).isEqualTo(ValueKind.TIMESTAMP);
        assertThat(ValueKind.ofType("DATETIME")).isEqualTo(ValueKind.TIMESTAMP);
        assertThat(ValueKind.ofType("TIMESTAMP WITH TIME ZONE")).isEqualTo(ValueKind.TIMESTAMP_WITH_OFFSET);
        assertThat(ValueKind.ofType("TIMESTAMPTZ")).isEqualTo(ValueKind.TIMESTAMP_WITH_OFFSET);
        assertThat(ValueKind.ofType("UHUGEINT")).isEqualTo(ValueKind.NUMBER);
        assertThat(ValueKind.ofType("INTERVAL")).isEqualTo(ValueKind.TEXT);
        assertThat(ValueKind.ofType("CHARACTER VARYING")).isEqualTo(ValueKind.TEXT);
        assertThat(ValueKind.ofType("INTEGER[]")).isEqualTo(ValueKind.TEXT);
        assertThat(ValueKind.ofType("\"NULL\"")).isEqualTo(ValueKind.TEXT);
        assertThat(ValueKind.ofType(null)).isEqualTo(ValueKind.TEXT);
    }

    @Test
    void numbersAreEqualByValueWhateverTheirTypeAndScale() {
        Cell one = ValueKind.NUMBER.cell(1);

        assertThat(ValueKind.NUMBER.cell(1L)).isEqualTo(one);
        assertThat(ValueKind.NUMBER.cell(new BigDecimal("1.00"))).isEqualTo(one);
        assertThat(ValueKind.NUMBER.cell(1.0d)).isEqualTo(one);
        assertThat(ValueKind.NUMBER.cell(1.0f)).isEqualTo(one);
        assertThat(ValueKind.NUMBER.cell(BigInteger.ONE)).isEqualTo(one);
        assertThat(ValueKind.NUMBER.cell((short) 1)).isEqualTo(one);
        assertThat(ValueKind.NUMBER.cell("1.0")).isEqualTo(one);
        assertThat(ValueKind.NUMBER.cell(" 1 ")).isEqualTo(one);
        assertThat(one.display()).isEqualTo("1");
        assertThat(ValueKind.NUMBER.cell(0.1d)).isEqualTo(ValueKind.NUMBER.cell(new BigDecimal("0.10")));
        assertThat(ValueKind.NUMBER.cell(new BigDecimal("0.00"))).isEqualTo(ValueKind.NUMBER.cell(0));
        assertThat(ValueKind.NUMBER.cell(1.5d)).isNotEqualTo(one);
        assertThat(ValueKind.NUMBER.cell(1e20d)).isEqualTo(ValueKind.NUMBER.cell("100000000000000000000"));
    }

    @Test
    void notFiniteDoublesEqualTheirNames() {
        assertThat(ValueKind.NUMBER.cell(Double.NaN)).isEqualTo(ValueKind.NUMBER.cell("NaN"));
        assertThat(ValueKind.NUMBER.cell(Double.NEGATIVE_INFINITY)).isEqualTo(ValueKind.NUMBER.cell("-Infinity"));
    }

    @Test
    void anExpectedValueThatIsNotOfItsColumnsKindStaysTextAndMatchesNothing() {
        assertThat(ValueKind.NUMBER.cell("one")).isEqualTo(Cell.text("one"));
        assertThat(ValueKind.NUMBER.cell(true)).isNotEqualTo(ValueKind.NUMBER.cell(1));
        assertThat(ValueKind.DATE.cell("2024-13-01")).isEqualTo(Cell.text("2024-13-01"));
    }

    @Test
    void booleansEqualTheirTextInAnyCase() {
        assertThat(ValueKind.BOOLEAN.cell("TRUE")).isEqualTo(ValueKind.BOOLEAN.cell(true));
        assertThat(ValueKind.BOOLEAN.cell("false")).isEqualTo(ValueKind.BOOLEAN.cell(false));
        assertThat(ValueKind.BOOLEAN.cell("yes")).isNotEqualTo(ValueKind.BOOLEAN.cell(true));
    }

    @Test
    void datesEqualTheirIsoText() {
        Cell date = ValueKind.DATE.cell(LocalDate.of(2024, 1, 1));

        assertThat(ValueKind.DATE.cell(java.sql.Date.valueOf("2024-01-01"))).isEqualTo(date);
        assertThat(ValueKind.DATE.cell("2024-01-01")).isEqualTo(date);
        assertThat(date.display()).isEqualTo("2024-01-01");
    }

    @Test
    void timestampsEqualTheUsualTextsOfTheSameMoment() {
        Cell midnight = ValueKind.TIMESTAMP.cell(Timestamp.valueOf("2024-01-01 00:00:00"));

        assertThat(ValueKind.TIMESTAMP.cell(LocalDateTime.of(2024, 1, 1, 0, 0))).isEqualTo(midnight);
        assertThat(ValueKind.TIMESTAMP.cell("2024-01-01 00:00:00")).isEqualTo(midnight);
        assertThat(ValueKind.TIMESTAMP.cell("2024-01-01T00:00:00")).isEqualTo(midnight);
        assertThat(ValueKind.TIMESTAMP.cell("2024-01-01 00:00")).isEqualTo(midnight);
        assertThat(ValueKind.TIMESTAMP.cell("2024-01-01 00:00:00.000")).isEqualTo(midnight);
        assertThat(ValueKind.TIMESTAMP.cell("2024-01-01")).isEqualTo(midnight);
        assertThat(ValueKind.TIMESTAMP.cell("2024-01-01 00:00:01")).isNotEqualTo(midnight);
        assertThat(midnight.display()).isEqualTo("2024-01-01 00:00:00");
        assertThat(ValueKind.TIMESTAMP.cell(Timestamp.valueOf("2024-01-01 10:30:00.25")).display())
                .isEqualTo("2024-01-01 10:30:00.25");
    }

    @Test
    void timestampsWithAnOffsetAreEqualAtTheSameInstantAndTextWithoutOneIsUtc() {
        Cell instant = ValueKind.TIMESTAMP_WITH_OFFSET.cell(OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0,
                ZoneOffset.ofHours(2)));

        assertThat(ValueKind.TIMESTAMP_WITH_OFFSET.cell("2024-01-01 08:00:00")).isEqualTo(instant);
        assertThat(ValueKind.TIMESTAMP_WITH_OFFSET.cell("2024-01-01T08:00:00Z")).isEqualTo(instant);
        assertThat(ValueKind.TIMESTAMP_WITH_OFFSET.cell("2024-01-01 10:00:00+02:00")).isEqualTo(instant);
        assertThat(ValueKind.TIMESTAMP_WITH_OFFSET.cell("2024-01-01 10:00:00+02")).isEqualTo(instant);
        assertThat(ValueKind.TIMESTAMP_WITH_OFFSET.cell(java.time.Instant.parse("2024-01-01T08:00:00Z")))
                .isEqualTo(instant);
        assertThat(instant.display()).isEqualTo("2024-01-01 08:00:00Z");
    }

    @Test
    void timesEqualTheirText() {
        Cell time = ValueKind.TIME.cell(LocalTime.of(10, 0));

        assertThat(ValueKind.TIME.cell(java.sql.Time.valueOf("10:00:00"))).isEqualTo(time);
        assertThat(ValueKind.TIME.cell("10:00")).isEqualTo(time);
        assertThat(time.display()).isEqualTo("10:00:00");
    }

    @Test
    void textComparesExactlyAndNumbersAsTheyPrint() {
        assertThat(ValueKind.TEXT.cell("a")).isEqualTo(Cell.text("a"));
        assertThat(ValueKind.TEXT.cell("a ")).isNotEqualTo(Cell.text("a"));
        assertThat(ValueKind.TEXT.cell(42)).isEqualTo(Cell.text("42"));
        assertThat(ValueKind.TEXT.cell(new BigDecimal("1E+2"))).isEqualTo(Cell.text("100"));
    }

    @Test
    void nullEqualsOnlyNull() {
        assertThat(ValueKind.TEXT.cell(null)).isEqualTo(Cell.NULL);
        assertThat(ValueKind.TEXT.cell("null")).isNotEqualTo(Cell.NULL);
        assertThat(ValueKind.TEXT.cell("")).isNotEqualTo(Cell.NULL);
        assertThat(ValueKind.NUMBER.cell(null)).isEqualTo(Cell.NULL);
    }

    @Test
    void textThatWouldPrintAmbiguouslyPrintsQuoted() {
        assertThat(Cell.text("plain text").display()).isEqualTo("plain text");
        assertThat(Cell.text("").display()).isEqualTo("''");
        assertThat(Cell.text("null").display()).isEqualTo("'null'");
        assertThat(Cell.text(" padded").display()).isEqualTo("' padded'");
        assertThat(Cell.text("two\nlines\t'q'").display()).isEqualTo("'two\\nlines\\t\\'q\\''");
        assertThat(Cell.NULL.display()).isEqualTo("null");
    }
}
