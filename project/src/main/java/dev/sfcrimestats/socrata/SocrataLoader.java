package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.IngestRequest;
import dev.quarry.ingest.IngestResult;
import dev.quarry.ingest.SourceLoader;
import dev.sfcrimestats.gcs.GcsLandingZone;
import dev.sfcrimestats.landing.BatchManifest;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LandingZone;
import dev.sfcrimestats.landing.LocalLandingZone;
import dev.sfcrimestats.parquet.LandedSchema;

/**
 * The {@code socrata} loader: a Socrata dataset (DataSF's SFPD incident reports) into typed Parquet files in a local
 * folder or on Cloud Storage. Loads what changed since the last load ({@link IncrementalLoad}), everything again with
 * {@code --full-refresh}, finds rows gone with {@code --reconcile} ({@link Reconciliation}), or imports a portal
 * export with {@code --from-file} ({@link FileImport}).
 */
public final class SocrataLoader implements SourceLoader {

    /** The environment variable of the app token (sent as {@code X-App-Token}; never shown). */
    public static final String APP_TOKEN = "SOCRATA_APP_TOKEN";

    /** Opens a {@code gs://} root, acting as a service account when one is named. */
    interface CloudZones {
        LandingZone open(String gsUri, String impersonate);
    }

    private final CloudZones cloudZones;

    /** The loader {@code quarry ingest} finds: {@code gs://} roots on the real Cloud Storage. */
    public SocrataLoader() {
        this.cloudZones = GcsLandingZone::open;
    }

    /** A loader whose {@code gs://} roots are opened by {@code cloudZones} (tests: an in-memory Storage). */
    SocrataLoader(Function<String, LandingZone> cloudZones) {
        this.cloudZones = (gsUri, impersonate) -> cloudZones.apply(gsUri);
    }

    @Override
    public String type() {
        return "socrata";
    }

    @Override
    public IngestResult load(IngestRequest request) throws IngestException {
        SocrataSettings settings = SocrataSettings.from(request.loader());
        LandedSchema schema = LandedSchema.declared(request.columns());
        LandingZone zone = zone(settings, request.projectRoot());
        LandingLayout layout = new LandingLayout(request.sourceName(), request.tableName());
        Path scratch = null;
        try {
            zone.checkWritable();
            scratch = Files.createTempDirectory("quarry-ingest-");
            LoadContext context = new LoadContext(zone, layout, request.progress(), scratch, Clock.systemUTC());
            if (request.fromFile().isPresent()) {
                Path file = request.fromFile().get();
                FileImport.Outcome imported = new FileImport(settings, schema, context).run(file);
                if (!imported.landedNow()) {
                    return new IngestResult(0, String.format(Locale.ROOT, "%s was imported already (batch %s, "
                            + "%,d rows): nothing landed", file.getFileName(), imported.batch().batchId(),
                            imported.batch().rows()));
                }
                return new IngestResult(imported.batch().rows(), "imported " + file.getFileName() + " into "
                        + zone.locate(layout.tableFolder()) + " (batch " + imported.batch().batchId() + ")");
            }
            Optional<String> token = Optional.ofNullable(request.environment().get(APP_TOKEN))
                    .filter(value -> !value.isBlank());
            SocrataClient client = new SocrataClient(settings.baseUrl(), settings.dataset(), token,
                    settings.timeout(), settings.retry(), duration -> Thread.sleep(duration.toMillis()),
                    request.progress()::report);
            request.progress().report("fetching from " + client.resource() + (token.isPresent()
                    ? " with the app token"
                    : " without an app token (set " + APP_TOKEN + " to avoid shared throttling)"));
            BatchManifest loaded = new IncrementalLoad(settings, client, schema, context).run(request.fullRefresh());
            String summary = loaded == null ? "nothing new" : String.format(Locale.ROOT,
                    "landed in %s (batch %s), up to :updated_at %s", zone.locate(layout.tableFolder()),
                    loaded.batchId(), loaded.upperBound());
            reportNewFields(loaded, request);
            if (request.reconcile()) {
                BatchManifest gone = new Reconciliation(settings, client, context).run();
                summary += gone == null ? "; no row disappeared" : String.format(Locale.ROOT,
                        "; %,d rows gone recorded in %s", gone.rows(), zone.locate(layout.deletedFolder()));
            }
            return new IngestResult(loaded == null ? 0 : loaded.rows(), summary);
        } catch (IOException failure) {
            throw new IngestException(failure.getMessage(), failure);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new IngestException("stopped; the pages stored so far are kept and nothing of them is visible "
                    + "yet: run the same command again to resume");
        } finally {
            deleteQuietly(scratch);
        }
    }

    /**
     * Names the fields the dataset sent that the YAML does not declare: they are kept in {@code _extra}, not dropped.
     * Computed regions ({@code :@computed_region_*}) are Socrata's optional extras, expected and not named.
     */
    private static void reportNewFields(BatchManifest loaded, IngestRequest request) {
        if (loaded == null) {
            return;
        }
        List<String> added = loaded.extraFields().stream().filter(field -> !field.startsWith(":@computed_region_"))
                .toList();
        if (!added.isEmpty()) {
            request.progress().report("fields the dataset added, which the YAML does not declare (kept as JSON in "
                    + "_extra; declare them to give them columns): " + String.join(", ", added));
        }
    }

    /** A {@code gs://} root is Cloud Storage; anything else a folder, relative to the project. */
    private LandingZone zone(SocrataSettings settings, Path projectRoot) throws IngestException {
        String landing = settings.landing();
        if (landing.startsWith("gs://")) {
            try {
                return cloudZones.open(landing, settings.impersonate());
            } catch (IllegalArgumentException malformed) {
                throw new IngestException("loader: landing " + malformed.getMessage());
            }
        }
        return new LocalLandingZone(projectRoot.resolve(landing).normalize(), landing);
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A scratch folder left in the temp directory is harmless.
        }
    }
}
