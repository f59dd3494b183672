package dev.sfcrimestats.socrata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.quarry.ingest.IngestException;
import dev.sfcrimestats.landing.LandedBatches;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LoadState;

/**
 * Network trouble on the way: each fault is retried and the landed rows still equal the source's exactly; a fault
 * that does not pass fails with the last response, moves no watermark and lands nothing visible.
 */
class SocrataFaultsTest extends LoadsAgainstFakeSocrata {

    static Stream<Arguments> passingFaults() {
        return Stream.of(
                Arguments.of(Fault.throttle(1).onPage(1), "page 2: HTTP 429"),
                Arguments.of(Fault.serverError().times(2), "page 1: HTTP 500"),
                Arguments.of(Fault.unavailable().onPage(2), "page 3: HTTP 503"),
                Arguments.of(Fault.processing().times(3), "page 1: HTTP 202"),
                Arguments.of(Fault.resetAfter(900).onPage(1), "page 2: connection failed: "),
                Arguments.of(Fault.truncateAfter(1500).onPage(2), "page 3: malformed JSON at byte "),
                Arguments.of(Fault.delayHeaders(Duration.ofMillis(2500)).onPage(1), "page 2: no response within 1 s"),
                Arguments.of(Fault.stallAfter(700, Duration.ofMillis(2500)).onPage(3),
                        "page 4: the body stalled: no bytes for 1 s"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("passingFaults")
    void aFaultThatPassesIsRetriedAndTheRowsLandExactlyOnce(Fault fault, String retried) throws Exception {
        socrata.fault(fault);

        loader.load(requests.load());

        assertThat(landed().versions()).isEqualTo(LandedRows.versionsOf(socrata.rows()));
        assertThat(requests.reports).anySatisfy(line -> assertThat(line).startsWith(retried)
                .contains("; retrying in ").contains("(attempt 2 of 4)"));
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        socrata.fault(Fault.throttle(2).onPage(0));
        long started = System.nanoTime();

        loader.load(requests.load());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aFaultThatLastsFailsWithTheLastResponseAndMovesNoWatermark() throws Exception {
        socrata.fault(Fault.serverError().fromPage(2));

        assertThatThrownBy(() -> loader.load(requests.load())).isInstanceOf(IngestException.class)
                .hasMessageStartingWith("page 3 failed after 4 attempts; the last: HTTP 500")
                .hasMessageContaining("request: " + socrata.baseUri() + "/resource/wg3w-h783.json?$select=:*,*")
                .hasMessageContaining("run the same command again to resume from here");

        LoadState state = LoadState.read(zone(), layout.state());
        assertThat(state.watermark()).isNull();
        assertThat(state.run().parts()).hasSize(2);
        assertThat(new LandedBatches(zone(), layout).finished()).isEmpty();
        assertThat(landed().versions()).as("nothing is visible without a manifest").isEmpty();
    }

    @Test
    void malformedJsonNamesThePageAndTheOffset() throws Exception {
        socrata.fault(Fault.truncateAfter(1234).fromPage(1));

        assertThatThrownBy(() -> loader.load(requests.load())).isInstanceOf(IngestException.class)
                .hasMessageStartingWith("page 2 failed after 4 attempts; the last: malformed JSON at byte ")
                .hasMessageContaining(" of the body: ");
        assertThat(LoadState.read(zone(), layout.state()).watermark()).isNull();
    }

    @Test
    void aStoppedLoadResumesAfterItsLastStoredPageAndLandsEveryRowOnce() throws Exception {
        socrata.fault(Fault.serverError().fromPage(2));
        assertThatThrownBy(() -> loader.load(requests.load())).isInstanceOf(IngestException.class);
        socrata.clearFaults();
        int requestsBefore = socrata.dataRequests().size();

        loader.load(requests.load());

        assertThat(landed().versions()).isEqualTo(LandedRows.versionsOf(socrata.rows()));
        assertThat(socrata.dataRequests().get(requestsBefore).param("$where")).contains(":id > 'row-");
        assertThat(requests.reports).contains("resuming batch " + new LandedBatches(zone(), layout).finished()
                .get(0).batchId() + " after 20 rows (2 pages)");
        assertThat(new LandedBatches(zone(), layout).finished()).hasSize(1);
    }

    @Test
    void anInterruptedLoadResumesWithoutLosingOrDoublingRows() throws Exception {
        Thread[] worker = new Thread[1];
        requests.afterEachPage(() -> {
            if (requests.paces.size() == 2) {
                worker[0].interrupt();
            }
        });
        Throwable[] failure = new Throwable[1];
        worker[0] = new Thread(() -> {
            try {
                loader.load(requests.load());
            } catch (Throwable stopped) {
                failure[0] = stopped;
            }
        });
        worker[0].start();
        worker[0].join(30_000);

        assertThat(failure[0]).isInstanceOf(IngestException.class).hasMessageStartingWith("stopped; the pages "
                + "stored so far are kept");
        assertThat(LoadState.read(zone(), layout.state()).run().parts()).hasSizeBetween(2, 3);
        requests.afterEachPage(() -> { });

        loader.load(requests.load());

        assertThat(landed().versions()).isEqualTo(LandedRows.versionsOf(socrata.rows()));
    }

    @Test
    void partsStoredButNotNotedBeforeAKillAreReplaced() throws Exception {
        socrata.fault(Fault.serverError().fromPage(2));
        assertThatThrownBy(() -> loader.load(requests.load())).isInstanceOf(IngestException.class);
        LoadState.Run run = LoadState.read(zone(), layout.state()).run();
        // As if the process died after storing page 3 and before saving the state: a stray part is there.
        java.nio.file.Path stray = project.resolve("data/landing").resolve(layout.part(run.batchId(),
                java.time.LocalDate.parse(run.loadDate()), 3));
        java.nio.file.Files.copy(project.resolve("data/landing").resolve(run.parts().get(0).path()), stray);
        socrata.clearFaults();

        loader.load(requests.load());

        assertThat(landed().versions()).isEqualTo(LandedRows.versionsOf(socrata.rows()));
    }
}
