package dev.sfcrimestats.socrata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.ingest.IngestException;
import dev.sfcrimestats.gcs.GcsLandingZone;
import dev.sfcrimestats.gcs.InMemoryGcs;
import dev.sfcrimestats.landing.LandedBatches;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LandingZone;
import dev.sfcrimestats.landing.LoadState;

/** The same loads with the landing zone on Cloud Storage (Google's in-memory Storage): same rows, same guarantees. */
class SocrataLoaderGcsTest {

    private static final String ROOT = "gs://sf-landing/raw";

    @TempDir
    Path project;

    private final InMemoryGcs gcs = new InMemoryGcs();
    private final SocrataLoader loader = new SocrataLoader(uri -> new GcsLandingZone(gcs.storage(), uri));
    private final LandingLayout layout = new LandingLayout("sfpd", "incidents");
    private FakeSocrata socrata;
    private LoadRequests requests;

    @BeforeEach
    void start() {
        socrata = FakeSocrata.start(FakeSocrata.SFPD_DATASET);
        socrata.putAll(SfpdRows.sample(35));
        requests = new LoadRequests(socrata.baseUri(), project).set("landing", ROOT);
    }

    @AfterEach
    void stop() {
        socrata.close();
    }

    private LandingZone zone() {
        return new GcsLandingZone(gcs.storage(), ROOT);
    }

    private LandedRows landed() {
        return new LandedRows(zone(), layout, project.resolve("scratch"));
    }

    @Test
    void loadsIncrementallyIntoTheBucketWithPreconditionsAndTheManifestLast() throws Exception {
        loader.load(requests.load());
        socrata.update((String) socrata.rows().get(2).get("row_id"), Map.of("resolution", "Unfounded"));
        var second = loader.load(requests.load());

        assertThat(second.summary()).startsWith("landed in gs://sf-landing/raw/sfpd/incidents/ (batch ");
        assertThat(landed().latest()).isEqualTo(LandedRows.versionsOf(socrata.rows()));
        assertThat(landed().versions()).hasSize(36).doesNotHaveDuplicates();
        assertThat(zone().list("sfpd/incidents/")).filteredOn(path -> path.endsWith(".parquet")).hasSize(5)
                .allSatisfy(path -> assertThat(path).matches("sfpd/incidents/load_date=\\d{4}-\\d{2}-\\d{2}/"
                        + "part-\\d{8}T\\d{9}Z_[0-9a-f]{4}-\\d{5}\\.parquet"));
        assertThat(gcs.calls("open")).isNotEmpty().allSatisfy(call -> assertThat(call.options())
                .containsEntry(com.google.cloud.storage.spi.v1.StorageRpc.Option.IF_GENERATION_MATCH, 0L));
    }

    @Test
    void aStoppedLoadResumesInTheBucketWithoutLosingOrDoublingRows() throws Exception {
        socrata.fault(Fault.serverError().fromPage(2));
        assertThatThrownBy(() -> loader.load(requests.load())).isInstanceOf(IngestException.class);
        assertThat(new LandedBatches(zone(), layout).finished()).isEmpty();
        assertThat(LoadState.read(zone(), layout.state()).run().parts()).hasSize(2);
        socrata.clearFaults();

        loader.load(requests.load());

        assertThat(landed().versions()).isEqualTo(LandedRows.versionsOf(socrata.rows()));
    }

    @Test
    void reconcileReadsTheLandedFilesBackFromTheBucket() throws Exception {
        loader.load(requests.load());
        String gone = (String) socrata.rows().get(9).get("row_id");
        socrata.delete(gone);

        loader.load(requests.request(false, true, null));

        assertThat(landed().query("row_id", "reconcile")).extracting(row -> row.get("row_id")).containsExactly(gone);
    }
}
