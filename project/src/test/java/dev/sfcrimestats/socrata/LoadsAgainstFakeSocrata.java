package dev.sfcrimestats.socrata;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LocalLandingZone;

/**
 * What the loader's tests share: a Socrata imitation with 35 SFPD rows, requests for {@code sfpd.incidents} in pages
 * of 10 against it, and the landing folder the loads write, read back as a reader would.
 */
abstract class LoadsAgainstFakeSocrata {

    @TempDir
    Path project;

    FakeSocrata socrata;
    LoadRequests requests;
    final SocrataLoader loader = new SocrataLoader();
    final LandingLayout layout = new LandingLayout("sfpd", "incidents");

    @BeforeEach
    void startSocrata() {
        socrata = FakeSocrata.start(FakeSocrata.SFPD_DATASET);
        socrata.putAll(SfpdRows.sample(35));
        requests = new LoadRequests(socrata.baseUri(), project);
    }

    @AfterEach
    void stopSocrata() {
        socrata.close();
    }

    LocalLandingZone zone() {
        return new LocalLandingZone(project.resolve("data/landing"), "data/landing");
    }

    LandedRows landed() {
        return new LandedRows(zone(), layout, project.resolve("scratch"));
    }
}
