package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.IngestProgress;
import dev.sfcrimestats.landing.BatchManifest;
import dev.sfcrimestats.landing.LandedBatches;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LandingZone;
import dev.sfcrimestats.landing.LoadState;
import dev.sfcrimestats.parquet.DeletedRows;

/**
 * {@code --reconcile}: an incremental load cannot see rows that disappeared (sealed or deleted reports), so this asks
 * the source for every key it still has and records the landed keys that are not among them as tombstones, in a
 * {@code reconcile} batch the models use to drop those rows.
 */
final class Reconciliation {

    private final SocrataSettings settings;
    private final SocrataClient client;
    private final LandingZone zone;
    private final LandingLayout layout;
    private final IngestProgress progress;
    private final Path scratch;
    private final Clock clock;

    Reconciliation(SocrataSettings settings, SocrataClient client, LoadContext context) {
        this.settings = settings;
        this.client = client;
        this.zone = context.zone();
        this.layout = context.layout();
        this.progress = context.progress();
        this.scratch = context.scratch();
        this.clock = context.clock();
    }

    /** Returns the reconcile batch, or null when no row disappeared. */
    BatchManifest run() throws IngestException, IOException, InterruptedException {
        Instant now = Instant.now(clock);
        String batchId = BatchIds.next(now);
        try (DeletedRows deleted = new DeletedRows()) {
            fetchKeys(deleted);
            List<Path> landed = new ArrayList<>();
            List<Path> tombstones = new ArrayList<>();
            for (BatchManifest batch : new LandedBatches(zone, layout).finished()) {
                for (LoadState.Part file : batch.files()) {
                    (batch.kind().equals("reconcile") ? tombstones : landed).add(zone.localCopy(file.path(),
                            Files.createDirectories(scratch.resolve("copies"))));
                }
            }
            String tombstonePath = layout.tombstones(batchId, LocalDate.ofInstant(now, ZoneOffset.UTC));
            Path out = scratch.resolve("tombstones.parquet");
            long gone = deleted.writeGone(settings.key().equals(":id") ? "_socrata_id" : settings.key(), landed,
                    tombstones, out, batchId, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            progress.report(String.format(Locale.ROOT, "reconcile: the source has %,d rows; %,d landed rows are "
                    + "gone from it", deleted.sourceKeys(), gone));
            if (gone == 0) {
                return null;
            }
            zone.putNew(tombstonePath, out);
            BatchManifest manifest = new BatchManifest(batchId, "reconcile", null, client.resource().toString(),
                    null, null, null, List.of(new LoadState.Part(tombstonePath, gone)), gone, List.of(),
                    now.toString(), Instant.now(clock).toString());
            new LandedBatches(zone, layout).publish(manifest, scratch);
            return manifest;
        } catch (SQLException failure) {
            throw new IngestException("reconcile failed in DuckDB: " + failure.getMessage(), failure);
        }
    }

    private void fetchKeys(DeletedRows deleted) throws IngestException, InterruptedException {
        String key = settings.key();
        String cursor = null;
        for (int page = 1; ; page++) {
            SoqlQuery query = SoqlQuery.select(key.equals(":id") ? ":id" : ":id," + key);
            if (settings.startCondition().isPresent()) {
                query = query.and(settings.startCondition().get());
            }
            if (cursor != null) {
                query = query.and(":id > " + SoqlQuery.literal(cursor));
            }
            query = query.orderBy(":id").limit(settings.pageSize());
            String[] last = {null};
            // A page retried after a partial read adds some keys twice: harmless, the keys are only looked up.
            long rows = client.fetch(query, "reconcile page " + page, body -> {
                last[0] = null;
                return PageParser.parse(body, row -> {
                    last[0] = row.get(":id");
                    try {
                        deleted.addSourceKey(row.get(key));
                    } catch (SQLException failure) {
                        throw new IllegalStateException(failure);
                    }
                });
            });
            if (rows < settings.pageSize()) {
                return;
            }
            cursor = last[0];
        }
    }
}
