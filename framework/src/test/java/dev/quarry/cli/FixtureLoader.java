package dev.quarry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.IngestRequest;
import dev.quarry.ingest.IngestResult;
import dev.quarry.ingest.SourceLoader;

/**
 * A loader for tests ({@code loader: {type: fixture, rows: N}}): writes N rows as CSV to
 * {@code <project>/data/landing/<source>/<table>.csv}, echoing what it was asked; {@code fail: message} fails it.
 */
public final class FixtureLoader implements SourceLoader {

    @Override
    public String type() {
        return "fixture";
    }

    @Override
    public IngestResult load(IngestRequest request) throws IngestException {
        if (request.loader().get("fail") instanceof String message) {
            throw new IngestException(message);
        }
        int rows = request.loader().get("rows") instanceof Number count ? count.intValue() : 0;
        Path file = request.projectRoot().resolve("data/landing").resolve(request.sourceName())
                .resolve(request.tableName() + ".csv");
        StringBuilder csv = new StringBuilder("id\n");
        for (int row = 1; row <= rows; row++) {
            csv.append(row).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, csv);
        } catch (IOException failure) {
            throw new IngestException("cannot write " + file + ": " + failure.getMessage(), failure);
        }
        request.progress().report(rows + " rows written");
        return new IngestResult(rows, "landed in " + request.projectRoot().relativize(file) + "; full refresh "
                + request.fullRefresh() + ", token " + (request.environment().containsKey("APP_TOKEN")
                        ? "given" : "absent"));
    }
}
