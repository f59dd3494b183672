package dev.sfcrimestats.socrata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.ingest.IngestResult;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LocalLandingZone;

/**
 * The loader against the real DataSF API: opt in with {@code SFPD_LIVE=1} (and {@code SOCRATA_APP_TOKEN} if you have
 * one); skipped otherwise, so no build reaches the internet unasked. Loads the last week's incidents in pages of 500.
 */
class SocrataLiveIT {

    @TempDir
    Path project;

    @Test
    void loadsTheLastWeekFromDataSf() throws Exception {
        Assumptions.assumeTrue("1".equals(System.getenv("SFPD_LIVE")),
                "live DataSF test: set SFPD_LIVE=1 to run it (it calls https://data.sfgov.org)");
        LoadRequests requests = new LoadRequests(URI.create("https://data.sfgov.org"), project)
                .set("start_date", LocalDate.now().minusDays(7).toString()).set("page_size", 500)
                .set("timeout_seconds", 60).set("initial_backoff_ms", 1000);
        String token = System.getenv("SOCRATA_APP_TOKEN");
        if (token != null) {
            requests.env("SOCRATA_APP_TOKEN", token);
        }

        IngestResult result = new SocrataLoader().load(requests.load());

        assertThat(result.rows()).isPositive();
        LandedRows landed = new LandedRows(new LocalLandingZone(project.resolve("data/landing"), "data/landing"),
                new LandingLayout("sfpd", "incidents"), project.resolve("scratch"));
        List<Map<String, Object>> summary = landed.query("count(*) AS row_count, count(DISTINCT row_id) AS row_ids, "
                + "count(*) FILTER (WHERE row_id = incident_id || incident_code) AS keyed, "
                + "count(_source_updated_at) AS stamped", "load");
        assertThat(summary.get(0).get("row_count")).isEqualTo(result.rows());
        assertThat(summary.get(0).get("row_ids")).isEqualTo(result.rows());
        assertThat(summary.get(0).get("keyed")).isEqualTo(result.rows());
        assertThat(summary.get(0).get("stamped")).isEqualTo(result.rows());
    }
}
