package dev.quarry.seed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;

/**
 * Reads a seed CSV file in two streaming passes, so that no more than one row is held at a time: {@link #scan()}
 * checks every row and infers the column types; {@link #rows} converts the rows to Java values for
 * {@link dev.quarry.adapter.EngineSession#appendRows}.
 *
 * <p>The first row is the header. Empty values (quoted or not) are null. Inference looks at every value of a column
 * and picks the first type that fits all of them: {@code bigint}, {@code double}, {@code boolean} ({@code true} and
 * {@code false} in any case), {@code date} ({@code yyyy-MM-dd}), {@code timestamp} ({@code yyyy-MM-dd HH:mm:ss[.f]},
 * or with a {@code T}; dates fit too), else {@code varchar}; a column with no values is {@code varchar}. Numbers with a
 * leading zero ({@code 007}) stay text. {@code column_types} sets a column's type instead, and then every value must
 * fit it.
 */
public final class SeedReader {

    private static final int LONGEST_VALUE_SHOWN = 40;

    private final Path file;
    private final String path;
    private final SeedOptions options;

    /**
     * @param file the CSV file
     * @param path the file relative to the project ({@code seeds/x.csv}), for errors
     */
    public SeedReader(Path file, String path, SeedOptions options) {
        this.file = file;
        this.path = path;
        this.options = options;
    }

    /** The first pass: the header, the column types, the row count and every error. */
    public SeedScan scan() {
        SeedProblems problems = new SeedProblems(path);
        try (SeedCsv csv = SeedCsv.open(file, path, options.delimiter())) {
            CSVRecord header = csv.next();
            if (header == null) {
                problems.add(1, 1, "the file is empty: a seed needs a header row that names its columns", null);
                return new SeedScan(path, List.of(), 0, problems.diagnostics());
            }
            List<String> names = header.toList();
            checkHeader(names, csv.line(), problems);
            SeedColumnType[] declared = declaredTypes(names, problems);
            ColumnInference inference = new ColumnInference(names.size());
            long rows = scanRows(csv, names, declared, inference, problems);
            List<SeedColumn> columns = new ArrayList<>();
            for (int column = 0; column < names.size(); column++) {
                columns.add(declared[column] != null ? new SeedColumn(names.get(column), declared[column], true)
                        : new SeedColumn(names.get(column), inference.type(column), false));
            }
            return new SeedScan(path, columns, rows, problems.diagnostics());
        } catch (SeedCsv.Unreadable unreadable) {
            problems.add(unreadable.diagnostic());
            return new SeedScan(path, List.of(), 0, problems.diagnostics());
        }
    }

    /** Checks every row after the header, feeding inference; returns how many rows there are. */
    private long scanRows(SeedCsv csv, List<String> names, SeedColumnType[] declared, ColumnInference inference,
            SeedProblems problems) {
        long rows = 0;
        try {
            for (CSVRecord record = csv.next(); record != null; record = csv.next()) {
                rows++;
                if (record.size() != names.size()) {
                    problems.add(csv.line(), Math.min(record.size(), names.size()) + 1, "row has " + record.size()
                            + " value" + (record.size() == 1 ? "" : "s") + ", the header has " + names.size(), null);
                    continue;
                }
                for (int column = 0; column < declared.length; column++) {
                    String value = record.get(column);
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (declared[column] == null) {
                        inference.see(column, value);
                    } else if (SeedValues.convert(value, declared[column]) == null) {
                        problems.add(csv.line(), column + 1, shown(value) + " is not a " + declared[column]
                                + " (column '" + names.get(column) + "', set by column_types)",
                                formatHint(declared[column]));
                    }
                }
            }
        } catch (SeedCsv.Unreadable unreadable) {
            problems.add(unreadable.diagnostic());
        }
        return rows;
    }

    /**
     * The second pass: the rows as Java values of the columns' types, read as they are taken. The caller closes it.
     *
     * @param columns the columns {@link #scan()} found in a scan without errors
     */
    public SeedRows rows(List<SeedColumn> columns) {
        try {
            return new SeedRows(SeedCsv.open(file, path, options.delimiter()), path, columns);
        } catch (SeedCsv.Unreadable unreadable) {
            throw new SeedFileException(path, List.of(unreadable.diagnostic()));
        }
    }

    /** Names must be there and differ, ignoring case (engines compare column names so). */
    private static void checkHeader(List<String> names, int line, SeedProblems problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 0; column < names.size(); column++) {
            String name = names.get(column);
            if (name.isBlank()) {
                problems.add(line, column + 1, "column " + (column + 1) + " has no name in the header",
                        "every column of a seed needs a name in the first row");
                continue;
            }
            Integer first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), column);
            if (first != null) {
                problems.add(line, column + 1, "duplicate column name '" + name + "' (also column " + (first + 1)
                        + (names.get(first).equals(name) ? "" : ", '" + names.get(first) + "'") + ")",
                        names.get(first).equals(name) ? null : "column names are compared ignoring case");
            }
        }
    }

    /** The type column_types gives each column, or null; names column_types gives that the header lacks are errors. */
    private SeedColumnType[] declaredTypes(List<String> names, SeedProblems problems) {
        SeedColumnType[] declared = new SeedColumnType[names.size()];
        for (Map.Entry<String, SeedColumnType> entry : options.columnTypes().entrySet()) {
            int column = names.indexOf(entry.getKey());
            for (int other = 0; column < 0 && other < names.size(); other++) {
                if (names.get(other).equalsIgnoreCase(entry.getKey())) {
                    column = other;
                }
            }
            if (column >= 0) {
                declared[column] = entry.getValue();
                continue;
            }
            SourceLocation at = options.configLocation() != null ? options.configLocation()
                    : new SourceLocation(path, 1, 1);
            String hint = DidYouMean.hint(entry.getKey(), names);
            problems.add(Diagnostic.error(at, "column_types names column '" + entry.getKey() + "', which " + path
                    + " does not have", hint != null ? hint : "its columns are: " + String.join(", ", names)));
        }
        return declared;
    }

    private static String shown(String value) {
        return "'" + (value.length() <= LONGEST_VALUE_SHOWN ? value
                : value.substring(0, LONGEST_VALUE_SHOWN - 3) + "...") + "'";
    }

    private static String formatHint(SeedColumnType type) {
        return switch (type.type()) {
            case BIGINT -> "write whole numbers such as 42 or -7, at most 19 digits";
            case DOUBLE -> "write numbers such as 12.5, -3 or 1e-3";
            case DECIMAL -> type + " holds numbers with at most " + (type.precision() - type.scale())
                    + " digits before the point and " + type.scale() + " after it";
            case BOOLEAN -> "write true or false";
            case DATE -> "write dates as yyyy-MM-dd, such as 2024-02-29";
            case TIMESTAMP -> "write timestamps as yyyy-MM-dd HH:mm:ss, such as 2024-02-29 13:45:00 (a T instead "
                    + "of the space and a fraction of a second are fine)";
            case VARCHAR -> null;
        };
    }

    /** The inferable types each column's values so far all fit. */
    private static final class ColumnInference {
        private final int[] kinds;
        private final boolean[] sawValue;

        ColumnInference(int columns) {
            kinds = new int[columns];
            sawValue = new boolean[columns];
            java.util.Arrays.fill(kinds, SeedValues.ANY);
        }

        void see(int column, String value) {
            sawValue[column] = true;
            if (kinds[column] != 0) {
                kinds[column] &= SeedValues.kinds(value);
            }
        }

        SeedColumnType type(int column) {
            return SeedValues.inferred(kinds[column], sawValue[column]);
        }
    }
}
