package dev.sfcrimestats.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.ingest.DeclaredColumn;
import dev.quarry.ingest.IngestException;

class ParquetPartWriterTest {

    @TempDir
    Path folder;

    private final LandedSchema schema = schema();

    private static LandedSchema schema() {
        try {
            return LandedSchema.declared(List.of(new DeclaredColumn("row_id", "string"),
                    new DeclaredColumn("incident_datetime", "timestamp"), new DeclaredColumn("incident_date", "date"),
                    new DeclaredColumn("supervisor_district", "int64"), new DeclaredColumn("latitude", "float64"),
                    new DeclaredColumn("filed_online", "bool"), new DeclaredColumn("point", null),
                    new DeclaredColumn("_loaded_at", "timestamp")));
        } catch (IngestException failure) {
            throw new AssertionError(failure);
        }
    }

    private static Map<String, String> row(String... pairs) {
        Map<String, String> row = new HashMap<>();
        for (int index = 0; index < pairs.length; index += 2) {
            row.put(pairs[index], pairs[index + 1]);
        }
        return row;
    }

    @Test
    void writesTypedParquetWithTheLoadColumnsAndKeepsUndeclaredFieldsInExtra() throws Exception {
        Path file = folder.resolve("part.parquet");
        try (ParquetPartWriter writer = new ParquetPartWriter(schema, "row_id", "b1")) {
            writer.beginPart(LocalDateTime.parse("2026-11-28T10:00:00"));
            writer.accept(row(":id", "row-1", "row_id", "74339603074", "incident_datetime", "2018-12-01T00:25:00.000",
                    "incident_date", "2018-12-01T00:00:00.000", "supervisor_district", "8", "latitude",
                    "37.73355034231799", "filed_online", "true", "point", "POINT (-122.43 37.73)", ":updated_at",
                    "2024-02-20T12:34:56.789Z", "new_field", "surprise"));
            writer.accept(row(":id", "row-2", "row_id", "2"));
            assertThat(writer.writeTo(file)).isEqualTo(2);
            assertThat(writer.extraFields()).containsExactly("new_field");
        }

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck
                .createStatement(); ResultSet result = statement.executeQuery("SELECT row_id, incident_datetime, "
                        + "incident_date, supervisor_district, latitude, filed_online, point, _extra, _socrata_id, "
                        + "_source_updated_at, _loaded_at, _batch_id, typeof(supervisor_district), "
                        + "typeof(incident_date) FROM '" + file + "' ORDER BY _socrata_id")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("74339603074");
            assertThat(result.getObject(2, LocalDateTime.class)).isEqualTo("2018-12-01T00:25");
            assertThat(result.getString(3)).isEqualTo("2018-12-01");
            assertThat(result.getLong(4)).isEqualTo(8);
            assertThat(result.getDouble(5)).isEqualTo(37.73355034231799);
            assertThat(result.getBoolean(6)).isTrue();
            assertThat(result.getString(7)).isEqualTo("POINT (-122.43 37.73)");
            assertThat(result.getString(8)).isEqualTo("{\"new_field\":\"surprise\"}");
            assertThat(result.getString(9)).isEqualTo("row-1");
            assertThat(result.getObject(10, LocalDateTime.class)).isEqualTo("2024-02-20T12:34:56.789");
            assertThat(result.getObject(11, LocalDateTime.class)).isEqualTo("2026-11-28T10:00");
            assertThat(result.getString(12)).isEqualTo("b1");
            assertThat(result.getString(13)).isEqualTo("BIGINT");
            assertThat(result.getString(14)).isEqualTo("DATE");
            result.next();
            assertThat(result.getObject(2)).isNull();
            assertThat(result.getObject(8)).isNull();
            assertThat(result.next()).isFalse();
        }
    }

    @Test
    void aValueThatDoesNotFitNamesTheRowAndTheField() throws Exception {
        try (ParquetPartWriter writer = new ParquetPartWriter(schema, "row_id", "b1")) {
            assertThatThrownBy(() -> writer.accept(row("row_id", "7", "latitude", "north")))
                    .isInstanceOf(BadValueException.class)
                    .hasMessage("row_id 7: field latitude: 'north' is not a double");
            writer.discard();
            writer.accept(row("row_id", "8"));
            Path file = folder.resolve("after.parquet");
            assertThat(writer.writeTo(file)).isEqualTo(1);
        }
    }

    @Test
    void discardDropsARowsOfAFailedAttempt() throws Exception {
        try (ParquetPartWriter writer = new ParquetPartWriter(schema, "row_id", "b1")) {
            writer.accept(row("row_id", "1"));
            writer.discard();
            writer.accept(row("row_id", "2"));
            Path file = folder.resolve("part.parquet");
            assertThat(writer.writeTo(file)).isEqualTo(1);
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck
                    .createStatement(); ResultSet result = statement.executeQuery("SELECT list(row_id) FROM '"
                            + file + "'")) {
                result.next();
                assertThat(result.getString(1)).isEqualTo("[2]");
            }
        }
    }

    @Test
    void anUnknownDataTypeIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> LandedSchema.declared(List.of(new DeclaredColumn("x", "struct<a int>"))))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("column x declares data_type 'struct<a int>', which the loader cannot land; "
                        + "use one of: string");
    }
}
