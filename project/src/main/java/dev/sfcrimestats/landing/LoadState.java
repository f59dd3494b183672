package dev.sfcrimestats.landing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a table's loads have reached, saved in the landing zone next to the data. Replaced in one step after the data
 * it covers is stored, so a killed load resumes from the last page it stored, and a finished one never loads a row
 * twice.
 *
 * @param watermark the source's {@code :updated_at} up to which every row is landed, or null before the first load
 * @param run       the load in progress, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoadState(String watermark, Run run) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static final LoadState EMPTY = new LoadState(null, null);

    /**
     * A load in progress.
     *
     * @param batchId    its batch
     * @param loadDate   the {@code load_date=} folder of its parts
     * @param mode       {@code backfill}, {@code incremental} or {@code full_refresh}
     * @param lowerBound rows changed after this {@code :updated_at} (null: all)
     * @param upperBound and up to this one, fixed when the load started so rows changing meanwhile wait for the next
     * @param cursor     the {@code :id} of the last row stored (null before the first page)
     * @param parts      the parts stored, in order
     * @param totalRows  the rows the load will fetch, as the source counted them when it started
     * @param startedAt  when it started (UTC)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(String batchId, String loadDate, String mode, String lowerBound, String upperBound,
            String cursor, List<Part> parts, long totalRows, String startedAt) {

        public Run {
            parts = List.copyOf(parts);
        }

        /** Rows stored so far. */
        public long rows() {
            return parts.stream().mapToLong(Part::rows).sum();
        }

        /** This run after one more part, ending at {@code lastId}. */
        public Run withPart(Part part, String lastId) {
            List<Part> more = new ArrayList<>(parts);
            more.add(part);
            return new Run(batchId, loadDate, mode, lowerBound, upperBound, lastId, more, totalRows, startedAt);
        }
    }

    /** A stored part file and its rows. */
    public record Part(String path, long rows) {
    }

    public LoadState withRun(Run newRun) {
        return new LoadState(watermark, newRun);
    }

    public static LoadState read(LandingZone zone, String path) throws IOException {
        var content = zone.read(path);
        if (content.isEmpty()) {
            return EMPTY;
        }
        try {
            return JSON.readValue(content.get(), LoadState.class);
        } catch (IOException unreadable) {
            throw new IOException("the load state " + zone.locate(path) + " is unreadable (" + unreadable
                    .getMessage() + "); delete it and run with --full-refresh", unreadable);
        }
    }

    public void save(LandingZone zone, String path) throws IOException {
        zone.replace(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }
}
