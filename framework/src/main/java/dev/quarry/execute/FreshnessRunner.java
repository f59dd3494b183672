package dev.quarry.execute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.compile.ManifestNode;

/**
 * Checks a source table's freshness: the newest {@code loaded_at_field} (optionally under the freshness
 * {@code filter}) against {@code warn_after} and {@code error_after} ({@code {count, period: minute|hour|day}}). PASS,
 * WARN, FAIL (stale beyond {@code error_after}) or ERROR (the query failed, or the table has no rows). Times without
 * a zone are taken as UTC, as dbt does.
 */
public final class FreshnessRunner implements NodeRunner {

    private final Clock clock;

    public FreshnessRunner(Clock clock) {
        this.clock = clock;
    }

    /** Whether a source table asks for a freshness check: it has a {@code loaded_at_field} and a threshold. */
    public static boolean checks(ManifestNode source) {
        return source.details().get("loaded_at_field") instanceof String
                && (freshness(source).get("warn_after") instanceof Map<?, ?>
                        || freshness(source).get("error_after") instanceof Map<?, ?>);
    }

    @Override
    public NodeResult run(ManifestNode source, EngineSession session) {
        Instant started = Instant.now();
        String field = (String) source.details().get("loaded_at_field");
        String filter = freshness(source).get("filter") instanceof String text && !text.isBlank() ? text : null;
        String sql = "select max(" + field + ") as max_loaded_at from " + source.relation().rendered()
                + (filter == null ? "" : " where " + filter);
        try {
            Object newest = session.query(sql, 1).rows().get(0).get(0);
            Instant snapshot = clock.instant();
            if (newest == null) {
                return result(source, started, NodeStatus.ERROR, "the table has no rows" + (filter == null ? ""
                        : " matching the filter") + ", so it has no " + field, sql, Map.of());
            }
            Optional<Duration> errorAfter = threshold(source, "error_after");
            Optional<Duration> warnAfter = threshold(source, "warn_after");
            Instant loadedAt = instant(newest);
            Duration age = Duration.between(loadedAt, snapshot);
            NodeStatus status = errorAfter.filter(limit -> age.compareTo(limit) > 0).isPresent() ? NodeStatus.FAIL
                    : warnAfter.filter(limit -> age.compareTo(limit) > 0).isPresent() ? NodeStatus.WARN
                            : NodeStatus.PASS;
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("max_loaded_at", loadedAt.toString());
            response.put("snapshotted_at", snapshot.toString());
            response.put("max_loaded_at_time_ago_in_s", age.toMillis() / 1000.0);
            warnAfter.ifPresent(limit -> response.put("warn_after_s", limit.toSeconds()));
            errorAfter.ifPresent(limit -> response.put("error_after_s", limit.toSeconds()));
            String message = "newest " + field + " is " + loadedAt + ", " + describe(age) + " old"
                    + switch (status) {
                        case FAIL -> "; older than error_after (" + describe(errorAfter.orElseThrow()) + ")";
                        case WARN -> "; older than warn_after (" + describe(warnAfter.orElseThrow()) + ")";
                        default -> "";
                    };
            return result(source, started, status, message, sql, response);
        } catch (EngineException failure) {
            return result(source, started, NodeStatus.ERROR, failure.getMessage(), sql, Map.of());
        } catch (IllegalArgumentException notATime) {
            return result(source, started, NodeStatus.ERROR, notATime.getMessage(), sql, Map.of());
        }
    }

    private static NodeResult result(ManifestNode source, Instant started, NodeStatus status, String message,
            String sql, Map<String, Object> response) {
        return new NodeResult(source.uniqueId(), status, started, Duration.between(started, Instant.now()), -1,
                message, List.of(sql), response);
    }

    private static Map<?, ?> freshness(ManifestNode source) {
        return source.details().get("freshness") instanceof Map<?, ?> map ? map : Map.of();
    }

    /** {@code {count: 12, period: hour}} as a duration. */
    static Optional<Duration> threshold(ManifestNode source, String key) {
        if (!(freshness(source).get(key) instanceof Map<?, ?> threshold)
                || !(threshold.get("count") instanceof Number count)) {
            return Optional.empty();
        }
        String period = String.valueOf(threshold.get("period"));
        Duration unit = switch (period) {
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException("freshness period must be minute, hour or day, not '"
                    + period + "'");
        };
        return Optional.of(unit.multipliedBy(count.longValue()));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        try {
            return LocalDateTime.parse(String.valueOf(value).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notATime) {
            throw new IllegalArgumentException("the loaded_at_field's newest value '" + value + "' is not a time; "
                    + "point loaded_at_field at a timestamp or date column", notATime);
        }
    }

    private static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 120) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = duration.toHours();
        return hours < 48 ? hours + " hours" : duration.toDays() + " days";
    }
}
