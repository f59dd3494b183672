package dev.quarry.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How far a load has got: rows and pages so far, the total when the source said it, and the time spent.
 *
 * @param rows      rows landed so far
 * @param pages     pages fetched so far
 * @param totalRows rows the load will land in all, or -1 when unknown
 * @param elapsed   time since the load started
 */
public record IngestPace(long rows, long pages, long totalRows, Duration elapsed) {

    /** Rows per second so far (0 before the first row). */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows / seconds;
    }

    /** The time left at the pace so far, when the total is known and a row has landed. */
    public Optional<Duration> remaining() {
        double rate = rowsPerSecond();
        if (totalRows < 0 || rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis((long) (Math.max(0, totalRows - rows) / rate * 1000)));
    }

    /** {@code 150,000 of 912,345 rows (16%), 3 pages, 61,234 rows/s, 0:12 left}. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d", rows));
        if (totalRows >= 0) {
            text.append(String.format(Locale.ROOT, " of %,d rows (%d%%)", totalRows,
                    totalRows == 0 ? 100 : Math.min(100, rows * 100 / totalRows)));
        } else {
            text.append(" rows");
        }
        text.append(String.format(Locale.ROOT, ", %,d page%s, %,.0f rows/s", pages, pages == 1 ? "" : "s",
                rowsPerSecond()));
        remaining().ifPresent(left -> text.append(String.format(Locale.ROOT, ", %d:%02d left", left.toMinutes(),
                left.toSecondsPart())));
        return text.toString();
    }
}
