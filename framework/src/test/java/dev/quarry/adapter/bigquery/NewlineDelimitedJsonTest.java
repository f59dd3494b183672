package dev.quarry.adapter.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NewlineDelimitedJsonTest {

    @Test
    void writesEachValueAsBigQueryLoadsIt() {
        String line = NewlineDelimitedJson.row(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), new Object[] {
            9_007_199_254_740_993L, new BigDecimal("1E+3"), new BigDecimal("0.10"), 1.5, Double.NaN,
            Double.NEGATIVE_INFINITY, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 2, 29, 1, 2, 3, 456_789_000),
            Instant.parse("2024-02-29T01:02:03Z"), OffsetDateTime.of(2024, 2, 29, 1, 2, 3, 0, ZoneOffset.ofHours(2))});

        assertThat(line).isEqualTo("{\"a\":9007199254740993,\"b\":1000,\"c\":0.10,\"d\":1.5,\"e\":\"NaN\","
                + "\"f\":\"-Infinity\",\"g\":\"2024-02-29\",\"h\":\"2024-02-29 01:02:03.456789\","
                + "\"i\":\"2024-02-29T01:02:03Z\",\"j\":\"2024-02-29T01:02:03+02:00\"}\n");
    }

    @Test
    void escapesTextAndColumnNames() {
        assertThat(NewlineDelimitedJson.row(List.of("na\"me"), new Object[] {"tab\tquote\"back\\slash\u0001\u2028"}))
                .isEqualTo("{\"na\\\"me\":\"tab\\tquote\\\"back\\\\slash\\u0001\\u2028\"}\n");
        assertThat(NewlineDelimitedJson.row(List.of("t"), new Object[] {LocalTime.of(13, 45)}))
                .isEqualTo("{\"t\":\"13:45\"}\n");
    }

    @Test
    void writesMapsAndListsForKeysGivenAsYaml() {
        assertThat(NewlineDelimitedJson.object(Map.of("scopes", List.of("a", true, 3L))))
                .isEqualTo("{\"scopes\":[\"a\",true,3]}");
    }

    @Test
    void aRowMustHaveAValuePerColumn() {
        assertThatThrownBy(() -> NewlineDelimitedJson.row(List.of("a", "b"), new Object[] {1L}))
                .hasMessage("a row has 1 values for 2 columns");
    }
}
