package dev.quarry.ingest;

/**
 * What a load did.
 *
 * @param rows    rows landed
 * @param summary one line for the user: where the rows landed, up to which point in time
 */
public record IngestResult(long rows, String summary) {
}
