package dev.sfcrimestats.socrata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.IngestResult;
import dev.sfcrimestats.landing.LandedBatches;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LoadState;

/** The loader against the Socrata imitation: backfill, incremental loads, full refresh, reconcile, bad input. */
class SocrataLoaderTest extends LoadsAgainstFakeSocrata {

    @Test
    void theFirstLoadBackfillsEveryRowOnceInPagesOrderedById() throws Exception {
        IngestResult result = loader.load(requests.env(SocrataLoader.APP_TOKEN, "s3cret-token").load());

        assertThat(result.rows()).isEqualTo(35);
        assertThat(landed().versions()).isEqualTo(LandedRows.versionsOf(socrata.rows()));
        assertThat(socrata.dataRequests()).hasSize(4).allSatisfy(request -> {
            assertThat(request.param("$select")).isEqualTo(":*,*");
            assertThat(request.param("$order")).isEqualTo(":id");
            assertThat(request.param("$limit")).isEqualTo("10");
            assertThat(request.param("$where")).startsWith("incident_date >= '2018-01-01T00:00:00' AND "
                    + ":updated_at <= '");
            assertThat(request.header("X-App-Token")).isEqualTo("s3cret-token");
            assertThat(request.asksGzip()).isTrue();
        });
        assertThat(socrata.dataRequests().get(1).param("$where")).contains(" AND :id > 'row-");
        assertThat(String.join("\n", requests.reports)).doesNotContain("s3cret-token")
                .contains("backfill: 35 rows from 2018-01-01").contains("35 of 35 rows (100%), 4 pages");
        LoadState state = LoadState.read(zone(), layout.state());
        assertThat(state.run()).isNull();
        assertThat(state.watermark()).isEqualTo(socrata.rows().stream().map(row -> (String) row.get(":updated_at"))
                .max(String::compareTo).orElseThrow());
        assertThat(Files.list(project.resolve("data/landing/sfpd/incidents")).map(path -> path.getFileName()
                .toString()).filter(name -> name.startsWith("load_date="))).hasSize(1);
    }

    @Test
    void laterLoadsFetchOnlyWhatChangedAndNeverLandARowTwice() throws Exception {
        loader.load(requests.load());
        List<Map<String, Object>> before = socrata.rows();
        socrata.update((String) before.get(3).get("row_id"), Map.of("resolution", "Cite or Arrest Adult"));
        socrata.putAll(SfpdRows.sample(40).subList(35, 40));

        IngestResult second = loader.load(requests.load());
        IngestResult third = loader.load(requests.load());

        assertThat(second.rows()).isEqualTo(6);
        assertThat(third.rows()).isZero();
        assertThat(third.summary()).isEqualTo("nothing new");
        assertThat(landed().latest()).isEqualTo(LandedRows.versionsOf(socrata.rows()));
        assertThat(landed().versions()).hasSize(35 + 6).doesNotHaveDuplicates();
        assertThat(new LandedBatches(zone(), layout).finished()).extracting(batch -> batch.mode())
                .containsExactly("backfill", "incremental");
    }

    @Test
    void rowsChangedWhileTheLoadRunsWaitForTheNextLoad() throws Exception {
        List<Map<String, Object>> rows = socrata.rows();
        socrata.afterPage((page, server) -> {
            if (page == 1) {
                server.update((String) rows.get(0).get("row_id"), Map.of("resolution", "Unfounded"));
                server.update((String) rows.get(30).get("row_id"), Map.of("resolution", "Unfounded"));
                server.delete((String) rows.get(31).get("row_id"));
            }
        });

        loader.load(requests.load());
        socrata.afterPage((page, server) -> { });
        loader.load(requests.load());

        List<String> source = LandedRows.versionsOf(socrata.rows());
        assertThat(landed().latest()).containsAll(source);
        assertThat(landed().versions()).doesNotHaveDuplicates();
    }

    @Test
    void anUndeclaredFieldIsKeptInExtraAndNamed() throws Exception {
        socrata.addField("new_field");
        for (int row = 0; row < 3; row++) {
            socrata.update((String) socrata.rows().get(row * 7).get("row_id"), Map.of("new_field", "value " + row));
        }

        loader.load(requests.load());

        assertThat(requests.reports).contains("fields the dataset added, which the YAML does not declare (kept as "
                + "JSON in _extra; declare them to give them columns): new_field");
        assertThat(landed().query("json_extract_string(_extra, '$.new_field') AS kept", "load"))
                .extracting(row -> row.get("kept")).filteredOn(value -> value != null)
                .containsExactly("value 0", "value 1", "value 2");
        assertThat(landed().query("count(*) FILTER (WHERE _extra LIKE '%computed_region%') AS regions", "load")
                .get(0).get("regions")).as("computed regions are kept too").isNotEqualTo(0L);
    }

    @Test
    void aFullRefreshReloadsEverythingAndRemovesTheOldBatches() throws Exception {
        loader.load(requests.load());
        socrata.update((String) socrata.rows().get(0).get("row_id"), Map.of("resolution", "Unfounded"));

        IngestResult refreshed = loader.load(requests.request(true, false, null));

        assertThat(refreshed.rows()).isEqualTo(35);
        assertThat(landed().versions()).isEqualTo(LandedRows.versionsOf(socrata.rows()));
        assertThat(new LandedBatches(zone(), layout).finished()).extracting(batch -> batch.mode())
                .containsExactly("full_refresh");
        try (var files = Files.walk(project.resolve("data/landing"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".parquet"))).hasSize(4);
        }
    }

    @Test
    void reconcileRecordsTheRowsThatDisappearedOnce() throws Exception {
        loader.load(requests.load());
        String sealed = (String) socrata.rows().get(5).get("row_id");
        String deleted = (String) socrata.rows().get(22).get("row_id");
        socrata.delete(sealed);
        socrata.delete(deleted);

        IngestResult result = loader.load(requests.request(false, true, null));
        IngestResult again = loader.load(requests.request(false, true, null));

        assertThat(result.summary()).contains("; 2 rows gone recorded in data/landing/sfpd/incidents_deleted/");
        assertThat(again.summary()).endsWith("; no row disappeared");
        assertThat(landed().query("row_id", "reconcile")).extracting(row -> row.get("row_id"))
                .containsExactlyInAnyOrder(sealed, deleted);
        assertThat(socrata.requests()).anySatisfy(request -> assertThat(request.param("$select"))
                .isEqualTo(":id,row_id"));
    }

    @Test
    void aMissingDatasetIsOneMessageAndNoRetry() {
        requests.set("dataset", "wg3w-h78x");

        assertThatThrownBy(() -> loader.load(requests.load())).isInstanceOf(IngestException.class)
                .hasMessageStartingWith("dataset wg3w-h78x was not found at " + socrata.baseUri()
                        + "/resource/wg3w-h78x.json (HTTP 404: ")
                .hasMessageContaining("Check the source's loader: domain and dataset.");
        assertThat(socrata.requests()).hasSize(1);
    }

    @Test
    void aRefusedTokenSaysWhichVariableToFixAndNeverShowsIt() {
        socrata.requireToken("the-right-one");

        assertThatThrownBy(() -> loader.load(requests.env(SocrataLoader.APP_TOKEN, "wrong-token").load()))
                .isInstanceOf(IngestException.class)
                .hasMessageStartingWith("the server refused the app token in SOCRATA_APP_TOKEN (HTTP 403: ")
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("wrong-token"));
    }

    @Test
    void anUnwritableLandingFolderIsFoundBeforeAnythingIsFetched() throws Exception {
        Files.writeString(project.resolve("data"), "a file where the folder should be");

        assertThatThrownBy(() -> loader.load(requests.load())).isInstanceOf(IngestException.class)
                .hasMessageStartingWith("cannot write to the landing folder data/landing (");
        assertThat(socrata.requests()).isEmpty();
    }

    @Test
    void badSettingsAreAllNamedAtOnce() {
        requests.set("page_size", "lots").set("dataset", "sfpd").set("pagesize", 5);

        assertThatThrownBy(() -> loader.load(requests.load())).isInstanceOf(IngestException.class)
                .hasMessageContaining("unknown loader setting 'pagesize'")
                .hasMessageContaining("loader: dataset must be a Socrata dataset id like wg3w-h783, not sfpd")
                .hasMessageContaining("loader: page_size must be a whole number from 1 to 1000000, not lots");
    }
}
