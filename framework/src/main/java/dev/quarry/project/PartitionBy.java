package dev.quarry.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code partition_by: {field, data_type, granularity, range}} as dbt-bigquery writes it. Checked with the rest of a
 * node's config ({@link ConfigKeys}), so a malformed one is a compile error where it is written.
 *
 * @param dataType    {@code date}, {@code timestamp}, {@code datetime} or {@code int64}
 * @param granularity {@code hour}, {@code day}, {@code month} or {@code year} (time types); {@code day} by default
 * @param range       {@code start}, {@code end}, {@code interval} for {@code int64}
 */
public record PartitionBy(String field, String dataType, String granularity, Optional<Range> range) {

    private static final List<String> TYPES = List.of("date", "timestamp", "datetime", "int64");
    private static final List<String> GRANULARITIES = List.of("hour", "day", "month", "year");

    /** Integer range partitioning: buckets of {@code interval} from {@code start} to {@code end}. */
    public record Range(long start, long end, long interval) {
    }

    /**
     * Reads a {@code partition_by} map.
     *
     * @throws IllegalArgumentException when it is malformed: the message says what to write
     */
    public static PartitionBy of(Map<?, ?> config) {
        if (!(config.get("field") instanceof String field) || field.isBlank()) {
            throw new IllegalArgumentException("partition_by needs a 'field': the column to partition on");
        }
        String dataType = String.valueOf(config.containsKey("data_type") ? config.get("data_type") : "date")
                .toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(dataType)) {
            throw new IllegalArgumentException("partition_by's data_type must be one of " + String.join(", ",
                    TYPES) + ", not '" + dataType + "'");
        }
        String granularity = String.valueOf(config.containsKey("granularity") ? config.get("granularity")
                : "day").toLowerCase(java.util.Locale.ROOT);
        if (!GRANULARITIES.contains(granularity)) {
            throw new IllegalArgumentException("partition_by's granularity must be one of " + String.join(", ",
                    GRANULARITIES) + ", not '" + granularity + "'");
        }
        if (dataType.equals("date") && granularity.equals("hour")) {
            throw new IllegalArgumentException("partition_by cannot split a date column by hour; use day, "
                    + "month or year, or partition on a timestamp");
        }
        Optional<Range> range = Optional.empty();
        if (dataType.equals("int64")) {
            if (!(config.get("range") instanceof Map<?, ?> bounds) || !(bounds.get("start") instanceof Number start)
                    || !(bounds.get("end") instanceof Number end)
                    || !(bounds.get("interval") instanceof Number interval)) {
                throw new IllegalArgumentException("partition_by on an int64 column needs "
                        + "'range: {start, end, interval}'");
            }
            range = Optional.of(new Range(start.longValue(), end.longValue(), interval.longValue()));
        }
        return new PartitionBy(field, dataType, granularity, range);
    }
}
