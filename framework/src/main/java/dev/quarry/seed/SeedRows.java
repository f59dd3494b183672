package dev.quarry.seed;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVRecord;

import dev.quarry.error.ErrorCode;
import dev.quarry.error.QuarryException;

/**
 * The rows of a seed file converted to Java values, read one at a time as they are taken: the second pass of
 * {@link SeedReader}. Each row is a fresh {@code Object[]} of {@link Long}, {@link Double},
 * {@link java.math.BigDecimal}, {@link Boolean}, {@link java.time.LocalDate}, {@link java.time.LocalDateTime},
 * {@link String} or null. The caller closes it.
 */
public final class SeedRows implements Iterator<Object[]>, AutoCloseable {

    private final SeedCsv csv;
    private final String path;
    private final SeedColumnType[] types;
    private Object[] next;
    private boolean headerSkipped;
    private boolean done;
    private long taken;

    SeedRows(SeedCsv csv, String path, List<SeedColumn> columns) {
        this.csv = csv;
        this.path = path;
        this.types = columns.stream().map(SeedColumn::type).toArray(SeedColumnType[]::new);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = read();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object[] row = next;
        next = null;
        taken++;
        return row;
    }

    /** Rows taken so far. */
    public long taken() {
        return taken;
    }

    private Object[] read() {
        try {
            if (!headerSkipped) {
                headerSkipped = true;
                if (csv.next() == null) {
                    return null;
                }
            }
            CSVRecord record = csv.next();
            if (record == null) {
                return null;
            }
            if (record.size() != types.length) {
                throw changed(csv.line() + ":1");
            }
            Object[] row = new Object[types.length];
            for (int column = 0; column < types.length; column++) {
                String value = record.get(column);
                if (!value.isEmpty()) {
                    row[column] = convert(value, types[column], column);
                }
            }
            return row;
        } catch (SeedCsv.Unreadable unreadable) {
            throw changed(unreadable.diagnostic().location().line() + ":"
                    + unreadable.diagnostic().location().column());
        }
    }

    private Object convert(String value, SeedColumnType type, int column) {
        Object converted;
        try {
            converted = switch (type.type()) {
                case VARCHAR -> value;
                case BIGINT -> Long.parseLong(value);
                case DOUBLE -> Double.parseDouble(value);
                case BOOLEAN, DATE, TIMESTAMP, DECIMAL -> SeedValues.convert(value, type);
            };
        } catch (NumberFormatException notANumber) {
            converted = null;
        }
        if (converted == null) {
            throw changed(csv.line() + ":" + (column + 1));
        }
        return converted;
    }

    /** The first pass checked every value, so a value that does not convert means the file was changed since. */
    private QuarryException changed(String where) {
        return new QuarryException(ErrorCode.NODE_FAILURE, path + ":" + where
                + ": the file changed while it was being loaded; run the seed again");
    }

    @Override
    public void close() {
        csv.close();
    }
}
