import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes a day's increment for the build benchmark: a CSV of ROWS new report rows in the portal's export form (API
 * field names as headers), copied from landed rows of the last 30 days of incidents (a day's new reports are mostly
 * about recent days) with new row and incident ids, so `quarry ingest --from-file` lands them as one new batch. Run with DuckDB's JDBC driver on the class path:
 *
 *   java -cp duckdb_jdbc.jar bench/MakeIncrement.java LANDING_GLOB OUT.csv ROWS SEED
 */
public class MakeIncrement {
    public static void main(String[] args) throws Exception {
        String landed = args[0];
        Path out = Path.of(args[1]);
        int rows = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Files.deleteIfExists(out);
        String timestamp = "'%Y/%m/%d %I:%M:%S %p'";
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duck.createStatement()) {
            sql.execute("COPY (SELECT "
                    + "cast(cast(incident_id AS BIGINT) + " + (90_000_000 + seed * 100_000) + " AS VARCHAR) || "
                    + "incident_code AS row_id, "
                    + "cast(cast(incident_id AS BIGINT) + " + (90_000_000 + seed * 100_000) + " AS VARCHAR) "
                    + "AS incident_id, incident_number, cad_number, strftime(incident_datetime, " + timestamp + ") "
                    + "AS incident_datetime, strftime(incident_date, '%Y/%m/%d') AS incident_date, incident_time, "
                    + "incident_year, incident_day_of_week, strftime(report_datetime, " + timestamp + ") "
                    + "AS report_datetime, report_type_code, report_type_description, filed_online, incident_code, "
                    + "incident_category, incident_subcategory, incident_description, resolution, intersection, cnn, "
                    + "police_district, analysis_neighborhood, supervisor_district, latitude, longitude, point "
                    + "FROM read_parquet('" + landed + "') WHERE incident_date > (SELECT max(incident_date) - 30 FROM "
                    + "read_parquet('" + landed + "')) ORDER BY hash(row_id || '" + seed + "') LIMIT " + rows
                    + ") TO '" + out + "' (HEADER, DELIMITER ',')");
        }
    }
}
