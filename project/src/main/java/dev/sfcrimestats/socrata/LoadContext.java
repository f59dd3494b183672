package dev.sfcrimestats.socrata;

import java.nio.file.Path;
import java.time.Clock;

import dev.quarry.ingest.IngestProgress;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LandingZone;

/**
 * What every step of one {@code ingest} of a table shares: where the files go, where progress goes, a scratch folder
 * for files on their way, and the clock that stamps batches.
 */
record LoadContext(LandingZone zone, LandingLayout layout, IngestProgress progress, Path scratch, Clock clock) {
}
