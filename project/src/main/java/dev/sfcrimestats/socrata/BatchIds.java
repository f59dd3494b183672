package dev.sfcrimestats.socrata;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Batch ids that sort by time (to the millisecond) and do not collide: {@code 20261128T101500123Z_3f9a}. */
final class BatchIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private BatchIds() {
    }

    static String next(Instant now) {
        return FORMAT.format(now) + "_" + String.format("%04x", ThreadLocalRandom.current().nextInt(1 << 16));
    }
}
