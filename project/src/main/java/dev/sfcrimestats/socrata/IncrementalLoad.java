package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.IngestPace;
import dev.quarry.ingest.IngestProgress;
import dev.sfcrimestats.landing.BatchManifest;
import dev.sfcrimestats.landing.LandedBatches;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LandingZone;
import dev.sfcrimestats.landing.LoadState;
import dev.sfcrimestats.parquet.LandedSchema;
import dev.sfcrimestats.parquet.ParquetPartWriter;

/**
 * One load of a dataset's changed rows into the landing zone, page by page, resumable.
 * <p>
 * A load fixes its window when it starts: rows with {@code :updated_at} after the watermark and up to the newest
 * {@code :updated_at} at that moment. It pages through the window by {@code :id} (keyset: {@code :id > last}, which
 * stays right when rows vanish between pages, where {@code $offset} would skip some). After each page is stored, the
 * state records the page's last {@code :id}; a killed load resumes after it. A row changed during the load leaves the
 * window and is fetched by the next load. The watermark moves to the window's end only when the batch's manifest is
 * stored.
 */
final class IncrementalLoad {

    private final SocrataSettings settings;
    private final SocrataClient client;
    private final LandedSchema schema;
    private final LandingZone zone;
    private final LandingLayout layout;
    private final IngestProgress progress;
    private final Path scratch;
    private final Clock clock;

    IncrementalLoad(SocrataSettings settings, SocrataClient client, LandedSchema schema, LoadContext context) {
        this.settings = settings;
        this.client = client;
        this.schema = schema;
        this.zone = context.zone();
        this.layout = context.layout();
        this.progress = context.progress();
        this.scratch = context.scratch();
        this.clock = context.clock();
    }

    /** Runs (or resumes) the load; returns the manifest of the batch it finished, or null when nothing changed. */
    BatchManifest run(boolean fullRefresh) throws IngestException, IOException, InterruptedException {
        LandedBatches batches = new LandedBatches(zone, layout);
        LoadState state = LoadState.read(zone, layout.state());
        if (state.run() != null && fullRefresh) {
            progress.report("dropping the unfinished batch " + state.run().batchId() + " for the full refresh");
            batches.dropBatch(state.run().batchId());
            state = state.withRun(null);
        }
        LoadState.Run run = state.run();
        if (run == null) {
            run = start(state, fullRefresh);
            if (run == null) {
                return null;
            }
            state = state.withRun(run);
            state.save(zone, layout.state());
        } else {
            progress.report(String.format(Locale.ROOT, "resuming batch %s after %,d rows (%d pages)",
                    run.batchId(), run.rows(), run.parts().size()));
            batches.dropUnnoted(run.batchId(), run.parts().size());
        }
        List<String> extraFields = new ArrayList<>();
        run = fetchPages(state, run, extraFields);
        BatchManifest manifest = new BatchManifest(run.batchId(), "load", run.mode(), client.resource().toString(),
                null, run.lowerBound(), run.upperBound(), run.parts(), run.rows(), extraFields, run.startedAt(),
                Instant.now(clock).toString());
        batches.publish(manifest, scratch);
        if (run.mode().equals("full_refresh")) {
            batches.dropAllBut(manifest);
        }
        new LoadState(run.upperBound(), null).save(zone, layout.state());
        return manifest;
    }

    /** Fixes the window of a new load: counts its rows and finds its newest {@code :updated_at}. */
    private LoadState.Run start(LoadState state, boolean fullRefresh) throws IngestException, InterruptedException {
        String lower = fullRefresh ? null : state.watermark();
        SoqlQuery window = SoqlQuery.select("count(*) AS row_count, max(:updated_at) AS max_updated_at");
        window = condition(window, lower);
        WindowSize size = client.fetch(window, "counting the rows to load", WindowSize::read);
        String mode = fullRefresh ? "full_refresh" : lower == null ? "backfill" : "incremental";
        if (size.rows() == 0 || size.newestUpdate() == null) {
            progress.report(lower == null ? "the dataset has no rows from " + settings.startDate()
                    : "nothing changed since " + lower);
            return null;
        }
        progress.report(String.format(Locale.ROOT, "%s: %,d rows %s", mode, size.rows(), lower == null
                ? "from " + settings.startDate() : "changed since " + lower));
        Instant now = Instant.now(clock);
        String batchId = BatchIds.next(now);
        return new LoadState.Run(batchId, LocalDate.ofInstant(now, ZoneOffset.UTC).toString(), mode, lower,
                size.newestUpdate(), null, List.of(), size.rows(), now.toString());
    }

    private LoadState.Run fetchPages(LoadState state, LoadState.Run started, List<String> extraFields)
            throws IngestException, IOException, InterruptedException {
        LoadState.Run run = started;
        PartStore store = new PartStore(zone, scratch);
        long startNanos = System.nanoTime();
        long rowsBefore = run.rows();
        try (ParquetPartWriter writer = new ParquetPartWriter(schema, settings.key(), run.batchId())) {
            while (true) {
                int page = run.parts().size() + 1;
                SoqlQuery query = condition(SoqlQuery.select(SoqlQuery.ALL_FIELDS), run.lowerBound())
                        .and(":updated_at <= " + SoqlQuery.literal(run.upperBound()));
                if (run.cursor() != null) {
                    query = query.and(":id > " + SoqlQuery.literal(run.cursor()));
                }
                query = query.orderBy(":id").limit(settings.pageSize());
                writer.beginPart(LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
                OrderedPage fetched = client.fetch(query, "page " + page, body -> OrderedPage.read(body, writer));
                if (fetched.rows() == 0) {
                    break;
                }
                LoadState.Part part = store.store(writer, layout.part(run.batchId(),
                        LocalDate.parse(run.loadDate()), page));
                run = run.withPart(part, fetched.lastId());
                state.withRun(run).save(zone, layout.state());
                Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
                progress.advanced(new IngestPace(run.rows() - rowsBefore, page, run.totalRows() - rowsBefore,
                        elapsed));
                if (fetched.rows() < settings.pageSize()) {
                    break;
                }
            }
            extraFields.addAll(writer.extraFields());
        } catch (SQLException failure) {
            throw new IngestException("DuckDB failed while writing Parquet: " + failure.getMessage(), failure);
        }
        return run;
    }

    /** The load's conditions: the start date, and rows changed after the lower bound. */
    private SoqlQuery condition(SoqlQuery query, String lower) {
        SoqlQuery conditioned = query;
        if (settings.startCondition().isPresent()) {
            conditioned = conditioned.and(settings.startCondition().get());
        }
        if (lower != null) {
            conditioned = conditioned.and(":updated_at > " + SoqlQuery.literal(lower));
        }
        return conditioned;
    }
}
