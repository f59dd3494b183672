package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code count(*) AS row_count, max(:updated_at) AS max_updated_at}: how many rows a load will fetch
 * and the newest change among them.
 *
 * @param rows         the count
 * @param newestUpdate the newest {@code :updated_at}, or null when there are no rows
 */
record WindowSize(long rows, String newestUpdate) {

    static WindowSize read(InputStream body) throws IOException, MalformedPageException {
        List<Map<String, String>> rows = new ArrayList<>();
        try {
            PageParser.parse(body, row -> rows.add(Map.copyOf(row)));
        } catch (dev.sfcrimestats.parquet.BadValueException impossible) {
            throw new IllegalStateException(impossible);
        }
        if (rows.size() != 1 || !rows.get(0).containsKey("row_count")) {
            throw new MalformedPageException("expected one row with row_count, got " + rows, -1);
        }
        try {
            return new WindowSize(Long.parseLong(rows.get(0).get("row_count")), rows.get(0).get("max_updated_at"));
        } catch (NumberFormatException notNumber) {
            throw new MalformedPageException("row_count is not a number: " + rows.get(0).get("row_count"), -1);
        }
    }
}
