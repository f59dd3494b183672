package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.IngestProgress;
import dev.sfcrimestats.landing.BatchManifest;
import dev.sfcrimestats.landing.LandedBatches;
import dev.sfcrimestats.landing.LandingLayout;
import dev.sfcrimestats.landing.LandingZone;
import dev.sfcrimestats.landing.LoadState;
import dev.sfcrimestats.parquet.LandedColumn;
import dev.sfcrimestats.parquet.LandedSchema;
import dev.sfcrimestats.parquet.ParquetPartWriter;
import dev.sfcrimestats.portal.PortalCsvException;
import dev.sfcrimestats.portal.PortalCsvReader;
import dev.sfcrimestats.portal.PortalCsvResult;

/**
 * {@code --from-file}: a CSV exported from the portal into the same landing layout as a load, as an {@code import}
 * batch. Exports carry no system fields, so the watermark does not move. A file that fails half way lands nothing: its
 * parts are deleted and no manifest is written. A file whose bytes an earlier import batch landed already (its
 * manifest keeps their SHA-256) is not landed again.
 */
final class FileImport {

    /**
     * What an import did.
     *
     * @param batch      the batch that holds the file's rows: the new one, or the earlier one
     * @param landedNow  false when the file had been imported already and nothing was landed
     */
    record Outcome(BatchManifest batch, boolean landedNow) {
    }

    private final LandingZone zone;
    private final LandingLayout layout;
    private final LandedSchema schema;
    private final SocrataSettings settings;
    private final IngestProgress progress;
    private final Path scratch;
    private final Clock clock;

    FileImport(SocrataSettings settings, LandedSchema schema, LoadContext context) {
        this.settings = settings;
        this.schema = schema;
        this.zone = context.zone();
        this.layout = context.layout();
        this.progress = context.progress();
        this.scratch = context.scratch();
        this.clock = context.clock();
    }

    Outcome run(Path file) throws IngestException, IOException {
        String sha256 = sha256(file);
        LandedBatches batches = new LandedBatches(zone, layout);
        for (BatchManifest earlier : batches.finished()) {
            if ("import".equals(earlier.kind()) && sha256.equals(earlier.sourceSha256())) {
                return new Outcome(earlier, false);
            }
        }
        Instant started = Instant.now(clock);
        String batchId = BatchIds.next(started);
        LocalDate loadDate = LocalDate.ofInstant(started, ZoneOffset.UTC);
        List<LoadState.Part> parts = new ArrayList<>();
        PartStore store = new PartStore(zone, scratch);
        PortalCsvReader reader = new PortalCsvReader(schema.dataColumns().stream().map(LandedColumn::field)
                .toList());
        try (ParquetPartWriter writer = new ParquetPartWriter(schema, settings.key(), batchId)) {
            writer.beginPart(LocalDateTime.ofInstant(started, ZoneOffset.UTC));
            PortalCsvResult result = reader.read(file, (Map<String, String> row) -> {
                writer.accept(row);
                if (writer.rows() == settings.pageSize()) {
                    parts.add(storePart(store, writer, batchId, loadDate, parts.size() + 1));
                }
            });
            if (writer.rows() > 0) {
                parts.add(storePart(store, writer, batchId, loadDate, parts.size() + 1));
            }
            if (!result.unknownColumns().isEmpty()) {
                progress.report("columns of the file the YAML does not declare, kept as JSON in _extra: "
                        + String.join(", ", result.unknownColumns()));
            }
            progress.report(String.format(Locale.ROOT, "imported %,d rows from %s", result.rows(),
                    file.getFileName()));
            BatchManifest manifest = new BatchManifest(batchId, "import", null, file.getFileName().toString(),
                    sha256, null, null, parts, result.rows(), List.copyOf(writer.extraFields()),
                    started.toString(), Instant.now(clock).toString());
            batches.publish(manifest, scratch);
            return new Outcome(manifest, true);
        } catch (PortalCsvException | UncheckedStoreException | SQLException failure) {
            batches.dropBatch(batchId);
            Throwable cause = failure instanceof UncheckedStoreException unchecked ? unchecked.getCause() : failure;
            throw new IngestException(file + ": " + cause.getMessage() + "\n  Nothing of the file was landed.",
                    cause);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private LoadState.Part storePart(PartStore store, ParquetPartWriter writer, String batchId, LocalDate loadDate,
            int number) {
        try {
            return store.store(writer, layout.part(batchId, loadDate, number));
        } catch (IngestException failure) {
            throw new UncheckedStoreException(failure);
        }
    }

    /** Carries a failed store out of the row callback, which may only throw {@link BadValueException}. */
    private static final class UncheckedStoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedStoreException(IngestException cause) {
            super(cause);
        }
    }
}
