package dev.sfcrimestats.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class IsoTimestampsTest {

    @Test
    void readsFloatingAndFixedTimestamps() {
        assertThat(IsoTimestamps.parse("2024-02-15T07:09:00.000")).isEqualTo(LocalDateTime.of(2024, 2, 15, 7, 9));
        assertThat(IsoTimestamps.parse("2024-02-20T12:34:56.789Z"))
                .isEqualTo(LocalDateTime.of(2024, 2, 20, 12, 34, 56, 789_000_000));
        assertThat(IsoTimestamps.parse("2018-12-01T00:25:00")).isEqualTo(LocalDateTime.of(2018, 12, 1, 0, 25));
    }

    @Test
    void leavesOtherShapesToTheFormatter() {
        assertThat(IsoTimestamps.parse("2024-02-20T12:34:56.789+01:00")).isNull();
        assertThat(IsoTimestamps.parse("2024-02-20T12:34:56.7")).isNull();
        assertThat(IsoTimestamps.parse("2024/02/20 12:34:56")).isNull();
        assertThat(IsoTimestamps.parse("2024-02-30T12:34:56.000")).as("no such day").isNull();
        assertThat(IsoTimestamps.parse("2024-0x-20T12:34:56.000")).isNull();
        assertThat(IsoTimestamps.parse("")).isNull();
    }

    @Test
    void aShapeItLeavesIsStillReadOrRefusedByTheColumnType() {
        assertThat(ColumnType.timestamp("2024-02-20T12:34:56.789+01:00")).isEqualTo(LocalDateTime.of(2024, 2, 20,
                11, 34, 56, 789_000_000));
        assertThat(ColumnType.timestamp("2024-02-20T12:34:56.5")).isEqualTo(LocalDateTime.of(2024, 2, 20, 12, 34, 56,
                500_000_000));
    }
}
