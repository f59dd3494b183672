package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.sfcrimestats.landing.BatchManifest;
import dev.sfcrimestats.landing.LandedBatches;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LandingZone;
import dev.sfcrimestats.landing.LoadState;

/** Reads back what a reader would trust: the rows of finished batches, through DuckDB, for assertions. */
final class LandedRows {

    private final LandingZone zone;
    private final LandingLayout layout;
    private final Path scratch;

    LandedRows(LandingZone zone, LandingLayout layout, Path scratch) {
        this.zone = zone;
        this.layout = layout;
        this.scratch = scratch;
    }

    /** Every trusted row of the given kinds' batches, with the given columns, ordered by them. */
    List<Map<String, Object>> query(String columns, String... kinds) throws IOException, SQLException {
        return select(columns, "", kinds);
    }

    private List<Map<String, Object>> select(String columns, String grouping, String... kinds)
            throws IOException, SQLException {
        List<Path> files = new ArrayList<>();
        Files.createDirectories(scratch);
        for (BatchManifest batch : new LandedBatches(zone, layout).finished()) {
            if (List.of(kinds).contains(batch.kind())) {
                for (LoadState.Part part : batch.files()) {
                    files.add(zone.localCopy(part.path(), scratch));
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (files.isEmpty()) {
            return rows;
        }
        String list = files.stream().map(file -> "'" + file + "'").collect(Collectors.joining(", ", "[", "]"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck
                .createStatement(); ResultSet result = statement.executeQuery("SELECT " + columns
                        + " FROM read_parquet(" + list + ", union_by_name = true) " + grouping + " ORDER BY ALL")) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column), result.getObject(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** {@code row_id@updated_at} of every trusted loaded row, sorted: equal to the source's means none lost or doubled. */
    List<String> versions() throws IOException, SQLException {
        return query("row_id || '@' || strftime(_source_updated_at, '%Y-%m-%dT%H:%M:%S.%g') AS version", "load")
                .stream().map(row -> (String) row.get("version")).toList();
    }

    /** {@code row_id@updated_at} of the newest landed version of each row, sorted. */
    List<String> latest() throws IOException, SQLException {
        return select("row_id || '@' || strftime(max(_source_updated_at), '%Y-%m-%dT%H:%M:%S.%g') AS version",
                "GROUP BY row_id", "load")
                .stream().map(row -> (String) row.get("version")).toList();
    }

    /** The source's rows as {@code row_id@updated_at}, sorted, to compare with {@link #versions()}. */
    static List<String> versionsOf(List<Map<String, Object>> sourceRows) {
        return sourceRows.stream().map(row -> row.get("row_id") + "@" + String.valueOf(row.get(":updated_at"))
                .replace("Z", "")).sorted().toList();
    }
}
