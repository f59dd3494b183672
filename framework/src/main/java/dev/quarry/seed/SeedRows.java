package dev.quarry.seed;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.commons.csv.CSVRecord;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.ErrorCode;
import dev.quarry.error.QuarryException;
import dev.quarry.error.SourceLocation;

/**
 * The rows of a seed file converted to Java values: the second pass of {@link SeedReader}. Each row is a fresh
 * {@code Object[]} of {@link Long}, {@link Double}, {@link java.math.BigDecimal}, {@link Boolean},
 * {@link java.time.LocalDate}, {@link java.time.LocalDateTime}, {@link String} or null.
 *
 * <p>A thread of its own reads and converts the rows a few thousand ahead of the caller, so that parsing overlaps
 * the engine's bulk load (on DuckDB the two take about as long as each other). At most {@value #BATCHES_AHEAD}
 * batches of {@value #BATCH_SIZE} rows are held. The caller closes it, which also stops the reading thread.
 */
public final class SeedRows implements Iterator<Object[]>, AutoCloseable {

    static final int BATCH_SIZE = 4096;
    static final int BATCHES_AHEAD = 4;

    /** Rows read ahead; the last batch of a file is marked, and a failure ends the batches. */
    private record Batch(Object[][] rows, int size, boolean last, RuntimeException failure) {
    }

    private final SeedCsv csv;
    private final String path;
    private final SeedColumnType[] types;
    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private Batch current = new Batch(new Object[0][], 0, false, null);
    private int index;
    private long taken;

    SeedRows(SeedCsv csv, String path, List<SeedColumn> columns) {
        this.csv = csv;
        this.path = path;
        this.types = columns.stream().map(SeedColumn::type).toArray(SeedColumnType[]::new);
        this.reader = new Thread(this::readAhead, "quarry-seed " + path);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public boolean hasNext() {
        while (index == current.size()) {
            if (current.last()) {
                return false;
            }
            try {
                current = batches.take();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new QuarryException(ErrorCode.INTERRUPTED, "interrupted while loading " + path, interrupted);
            }
            index = 0;
            if (current.failure() != null) {
                throw current.failure();
            }
        }
        return true;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        taken++;
        Object[] row = current.rows()[index];
        current.rows()[index++] = null;
        return row;
    }

    /** Rows taken so far. */
    public long taken() {
        return taken;
    }

    /** The reading thread: converts rows into batches until the file ends, it fails, or the rows are closed. */
    private void readAhead() {
        try (csv) {
            csv.next(); // the header, checked by the first pass
            while (true) {
                Object[][] rows = new Object[BATCH_SIZE][];
                int size = 0;
                Object[] row = null;
                while (size < BATCH_SIZE && (row = read()) != null) {
                    rows[size++] = row;
                }
                batches.put(new Batch(rows, size, row == null, null));
                if (row == null) {
                    return;
                }
            }
        } catch (InterruptedException closed) {
            // The caller closed the rows before taking them all.
        } catch (RuntimeException | SeedCsv.Unreadable failure) {
            RuntimeException asRuntime = failure instanceof SeedCsv.Unreadable unreadable
                    ? new SeedFileException(path, List.of(unreadable.diagnostic()))
                    : (RuntimeException) failure;
            batches.clear();
            batches.offer(new Batch(new Object[0][], 0, true, asRuntime));
        }
    }

    /** The next row converted, or null at the end of the file. */
    private Object[] read() throws SeedCsv.Unreadable {
        CSVRecord record = csv.next();
        if (record == null) {
            return null;
        }
        if (record.size() != types.length) {
            throw changed(1);
        }
        Object[] row = new Object[types.length];
        for (int column = 0; column < types.length; column++) {
            String value = record.get(column);
            if (!value.isEmpty()) {
                row[column] = convert(value, types[column], column);
            }
        }
        return row;
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
            throw changed(column + 1);
        }
        return converted;
    }

    /** The first pass checked every value, so a value that does not convert means the file was changed since. */
    private SeedFileException changed(int column) {
        return new SeedFileException(path, List.of(Diagnostic.error(new SourceLocation(path, csv.line(), column),
                "the file changed while it was being loaded; run the seed again")));
    }

    /** Stops the reading thread and closes the file. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
