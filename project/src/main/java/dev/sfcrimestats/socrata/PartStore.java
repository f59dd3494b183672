package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import dev.quarry.ingest.IngestException;
import dev.sfcrimestats.landing.LandingZone;
import dev.sfcrimestats.landing.LoadState;
import dev.sfcrimestats.parquet.ParquetPartWriter;

/** Writes the rows a {@link ParquetPartWriter} holds as one Parquet file into the landing zone. */
final class PartStore {

    private final LandingZone zone;
    private final Path scratch;

    PartStore(LandingZone zone, Path scratch) {
        this.zone = zone;
        this.scratch = scratch;
    }

    /** Stores the writer's rows under {@code path}; the file appears whole or not at all. */
    LoadState.Part store(ParquetPartWriter writer, String path) throws IngestException {
        Path file = scratch.resolve(path.substring(path.lastIndexOf('/') + 1));
        try {
            Files.deleteIfExists(file);
            long rows = writer.writeTo(file);
            zone.putNew(path, file);
            return new LoadState.Part(path, rows);
        } catch (SQLException failure) {
            throw new IngestException("could not write the Parquet file " + zone.locate(path) + ": "
                    + failure.getMessage(), failure);
        } catch (IOException failure) {
            throw new IngestException("could not store " + zone.locate(path) + ": " + failure.getMessage(),
                    failure);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A scratch file left behind is removed with the scratch folder.
            }
        }
    }
}
