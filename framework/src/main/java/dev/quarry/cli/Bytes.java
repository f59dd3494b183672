package dev.quarry.cli;

import java.util.Locale;

/** Byte counts as people read them, with BigQuery's on-demand price of that many bytes. */
final class Bytes {

    /** US dollars per TiB processed on demand (BigQuery's list price; regions differ). */
    static final double DOLLARS_PER_TIB = 6.25;

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Bytes() {
    }

    /** {@code 1,234,567,890 bytes (1.15 GiB, about $0.01)}. */
    static String describe(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        double dollars = bytes / Math.pow(1024, 4) * DOLLARS_PER_TIB;
        return String.format(Locale.ROOT, "%,d bytes (%.2f %s, about $%.2f at $%.2f per TiB)", bytes, value,
                UNITS[unit], dollars, DOLLARS_PER_TIB);
    }
}
