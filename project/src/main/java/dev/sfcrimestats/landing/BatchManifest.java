package dev.sfcrimestats.landing;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A finished batch: written last, after every file it lists is stored. Readers trust only batches with a manifest, so
 * a load that died half way lands nothing visible. One JSON object on one line, so BigQuery can read the manifests as
 * a newline-delimited JSON external table, and DuckDB with {@code read_json}.
 *
 * @param batchId     the batch
 * @param kind        {@code load} (rows), {@code import} (rows from an exported file) or {@code reconcile} (rows found
 *                    gone, in the table's {@code _deleted} folder)
 * @param mode        for loads: {@code backfill}, {@code incremental} or {@code full_refresh}
 * @param source      where the rows came from (the dataset's endpoint, or the imported file's name)
 * @param sourceSha256 for imports: the SHA-256 of the imported file's bytes, so that the same file is not landed
 *                    twice
 * @param lowerBound  the {@code :updated_at} after which rows were fetched (null: from the start)
 * @param upperBound  the {@code :updated_at} up to which rows were fetched
 * @param files       the batch's files, relative to the landing zone's root
 * @param rows        rows in all files
 * @param extraFields source fields no declared column takes, kept in {@code _extra}
 * @param startedAt   when the batch started (UTC)
 * @param completedAt when it finished (UTC)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchManifest(String batchId, String kind, String mode, String source, String sourceSha256,
        String lowerBound, String upperBound, List<LoadState.Part> files, long rows, List<String> extraFields,
        String startedAt, String completedAt) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public BatchManifest {
        files = List.copyOf(files);
        extraFields = List.copyOf(extraFields);
    }

    public byte[] toJson() throws IOException {
        byte[] line = JSON.writeValueAsBytes(this);
        byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        return withNewline;
    }

    public static BatchManifest fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, BatchManifest.class);
    }
}
