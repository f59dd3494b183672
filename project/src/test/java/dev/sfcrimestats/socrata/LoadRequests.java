package dev.sfcrimestats.socrata;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.quarry.ingest.DeclaredColumn;
import dev.quarry.ingest.IngestPace;
import dev.quarry.ingest.IngestProgress;
import dev.quarry.ingest.IngestRequest;

/** Ingest requests for the SFPD table as {@code models/staging/_sfpd__sources.yml} declares it, against a test server. */
final class LoadRequests {

    /** The declared columns of {@code sfpd.incidents}, as in the project's YAML. */
    static final List<DeclaredColumn> COLUMNS = columns();

    private final Map<String, Object> loader = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Path projectRoot;
    /** Every progress line and pace the loads reported. */
    final List<String> reports = new CopyOnWriteArrayList<>();
    final List<IngestPace> paces = new CopyOnWriteArrayList<>();
    private volatile Runnable afterPace = () -> { };

    LoadRequests(URI url, Path projectRoot) {
        this.projectRoot = projectRoot;
        loader.put("type", "socrata");
        loader.put("domain", "data.sfgov.org");
        loader.put("dataset", "wg3w-h783");
        loader.put("url", url.toString());
        loader.put("key", "row_id");
        loader.put("date_field", "incident_date");
        loader.put("start_date", "2018-01-01");
        loader.put("page_size", 10);
        loader.put("timeout_seconds", 1);
        loader.put("max_attempts", 4);
        loader.put("initial_backoff_ms", 0);
    }

    LoadRequests set(String setting, Object value) {
        loader.put(setting, value);
        return this;
    }

    LoadRequests env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code action} after each page's progress (e.g. to stop the load there). */
    LoadRequests afterEachPage(Runnable action) {
        this.afterPace = action;
        return this;
    }

    IngestRequest load() {
        return request(false, false, null);
    }

    IngestRequest request(boolean fullRefresh, boolean reconcile, Path fromFile) {
        return new IngestRequest("sfpd", "incidents", loader, Map.of(), COLUMNS, projectRoot, environment,
                fullRefresh, reconcile, Optional.ofNullable(fromFile), new IngestProgress() {
                    @Override
                    public void report(String message) {
                        reports.add(message);
                    }

                    @Override
                    public void advanced(IngestPace pace) {
                        paces.add(pace);
                        reports.add(pace.describe());
                        afterPace.run();
                    }
                });
    }

    private static List<DeclaredColumn> columns() {
        List<DeclaredColumn> columns = new ArrayList<>();
        String[][] declared = {{"row_id", "string"}, {"incident_datetime", "timestamp"}, {"incident_date", "date"},
            {"incident_time", "string"}, {"incident_year", "int64"}, {"incident_day_of_week", "string"},
            {"report_datetime", "timestamp"}, {"incident_id", "string"}, {"incident_number", "string"},
            {"cad_number", "string"}, {"report_type_code", "string"}, {"report_type_description", "string"},
            {"filed_online", "bool"}, {"incident_code", "string"}, {"incident_category", "string"},
            {"incident_subcategory", "string"}, {"incident_description", "string"}, {"resolution", "string"},
            {"intersection", "string"}, {"cnn", "string"}, {"police_district", "string"},
            {"analysis_neighborhood", "string"}, {"supervisor_district", "int64"},
            {"supervisor_district_2012", "int64"}, {"latitude", "float64"}, {"longitude", "float64"},
            {"point", "string"}, {"_extra", "string"}, {"_socrata_id", "string"}, {"_source_created_at", "timestamp"},
            {"_source_updated_at", "timestamp"}, {"_loaded_at", "timestamp"}, {"_batch_id", "string"}};
        for (String[] column : declared) {
            columns.add(new DeclaredColumn(column[0], column[1]));
        }
        return List.copyOf(columns);
    }
}
