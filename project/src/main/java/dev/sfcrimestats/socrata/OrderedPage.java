package dev.sfcrimestats.socrata;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;

import dev.sfcrimestats.parquet.BadValueException;
import dev.sfcrimestats.parquet.ParquetPartWriter;

/**
 * A page read into the writer, checking it came in {@code :id} order (keyset paging depends on it).
 *
 * @param rows   rows on the page
 * @param lastId the {@code :id} of its last row
 */
record OrderedPage(long rows, String lastId) {

    /** Reads a page body into the writer, after dropping what an earlier attempt at the page left in it. */
    static OrderedPage read(InputStream body, ParquetPartWriter writer)
            throws IOException, MalformedPageException, BadValueException {
        try {
            writer.discard();
        } catch (SQLException failure) {
            throw new IllegalStateException("DuckDB could not empty its table: " + failure.getMessage(), failure);
        }
        String[] last = {null};
        long rows = PageParser.parse(body, row -> {
            String id = row.get(":id");
            if (id == null) {
                throw new BadValueException("a row has no :id; the query must select the system fields (:*)");
            }
            if (last[0] != null && id.compareTo(last[0]) <= 0) {
                throw new BadValueException("rows are not in :id order (" + id + " after " + last[0]
                        + "); paging needs $order=:id");
            }
            last[0] = id;
            writer.accept(row);
        });
        return new OrderedPage(rows, last[0]);
    }
}
