package dev.sfcrimestats.socrata;

import dev.sfcrimestats.SfProject;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sfcrimestats.landing.LandedBatches;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LoadState;
import dev.sfcrimestats.landing.LocalLandingZone;

/**
 * A {@code quarry ingest} process killed ({@code SIGKILL}: no shutdown hook, no cleanup) in the middle of a load, then
 * run again: the landed rows equal the source's, none lost, none doubled, and nothing was visible in between.
 */
class KilledLoadResumesIT {

    @TempDir
    Path dir;

    private FakeSocrata socrata;
    private SfProject project;
    private final LandingLayout layout = new LandingLayout("sfpd", "incidents");

    @BeforeEach
    void start() throws Exception {
        socrata = FakeSocrata.start(FakeSocrata.SFPD_DATASET);
        socrata.putAll(SfpdRows.sample(95));
        project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));
        Path sources = project.root().resolve("models/staging/_sfpd__sources.yml");
        Files.writeString(sources, Files.readString(sources).replace("      key: row_id", "      key: row_id\n"
                + "      page_size: 10"));
    }

    @AfterEach
    void stop() {
        socrata.close();
    }

    @Test
    void aKilledLoadResumesAndLandsEveryRowExactlyOnce() throws Exception {
        socrata.fault(Fault.hang().fromPage(4));
        Process child = ingestProcess();
        LocalLandingZone zone = new LocalLandingZone(project.root().resolve("data/landing"), "data/landing");
        try {
            awaitStoredPages(zone, 4, child);
            assertThat(new LandedBatches(zone, layout).finished()).as("nothing visible mid-load").isEmpty();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        socrata.clearFaults();

        SfProject.Result resumed = project.env("SFPD_SOCRATA_URL", socrata.baseUri().toString())
                .run("ingest", "-s", "source:sfpd");

        assertThat(resumed.exitCode()).as(resumed.stderr() + resumed.stdout()).isZero();
        assertThat(resumed.stdout()).contains("resuming batch ").contains(" after 40 rows (4 pages)")
                .contains("OK ingested 95 rows into sfpd.incidents");
        assertThat(new LandedRows(zone, layout, dir.resolve("scratch")).versions())
                .isEqualTo(LandedRows.versionsOf(socrata.rows()));
        assertThat(LoadState.read(zone, layout.state()).run()).isNull();
    }

    /** {@code java -cp <this JVM's class path> dev.quarry.cli.QuarryMain --project-dir ... ingest}. */
    private Process ingestProcess() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.quarry.cli.QuarryMain",
                "--project-dir", project.root().toString(), "ingest", "-s", "source:sfpd"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.root().toFile())
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile());
        builder.environment().put("SFPD_SOCRATA_URL", socrata.baseUri().toString());
        builder.environment().remove("SFPD_LANDING");
        return builder.start();
    }

    private void awaitStoredPages(LocalLandingZone zone, int pages, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            LoadState state = LoadState.read(zone, layout.state());
            if (state.run() != null && state.run().parts().size() >= pages) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the load ended before it was killed:\n" + Files.readString(dir.resolve(
                        "child.out")) + Files.readString(dir.resolve("child.err")));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the load did not store " + pages + " pages within 60 s:\n" + Files.readString(dir
                .resolve("child.out")) + Files.readString(dir.resolve("child.err")));
    }
}
