package dev.quarry.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.SourceLocation;

/**
 * How to read one seed file, from the seed's config.
 *
 * @param delimiter     the field separator ({@code delimiter}, default {@code ,})
 * @param quoteColumns  create the columns with their names exactly as written ({@code quote_columns}, default false:
 *                      the names behave as unquoted names do on the engine)
 * @param columnTypes   column name to type ({@code column_types}), in the order written
 * @param configLocation where the seed's config is written, for errors about it; null when unknown (errors then
 *                      point at the CSV file's first line)
 */
public record SeedOptions(char delimiter, boolean quoteColumns, Map<String, SeedColumnType> columnTypes,
        SourceLocation configLocation) {

    public static final SeedOptions DEFAULTS = new SeedOptions(',', false, Map.of(), null);

    public SeedOptions {
        columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
    }

    /**
     * Reads the options from a seed node's resolved config ({@code delimiter}, {@code quote_columns},
     * {@code column_types}); a delimiter that is not one character or a type seeds cannot load is reported to
     * {@code problems} (and left at its default or out).
     *
     * @param csvPath        the seed file, relative to the project: where errors point when configLocation is null
     * @param configLocation where the config is written (a properties file line), or null
     */
    public static SeedOptions fromConfig(Map<String, Object> config, String csvPath, SourceLocation configLocation,
            List<Diagnostic> problems) {
        SourceLocation at = configLocation != null ? configLocation : new SourceLocation(csvPath, 1, 1);
        char delimiter = ',';
        if (config.get("delimiter") instanceof String given) {
            if (given.length() != 1) {
                problems.add(Diagnostic.error(at, "delimiter must be one character, not '" + given + "'"));
            } else if (given.charAt(0) == '"' || given.charAt(0) == '\n' || given.charAt(0) == '\r') {
                problems.add(Diagnostic.error(at, "delimiter cannot be a quote or a line break"));
            } else {
                delimiter = given.charAt(0);
            }
        }
        boolean quoteColumns = Boolean.TRUE.equals(config.get("quote_columns"));
        Map<String, SeedColumnType> columnTypes = new LinkedHashMap<>();
        if (config.get("column_types") instanceof Map<?, ?> given) {
            for (Map.Entry<?, ?> entry : given.entrySet()) {
                String column = String.valueOf(entry.getKey());
                String type = String.valueOf(entry.getValue());
                SeedColumnType.parse(type).ifPresentOrElse(parsed -> columnTypes.put(column, parsed),
                        () -> problems.add(Diagnostic.error(at, "column_types gives column '" + column
                                + "' the type '" + type + "', which seeds cannot load",
                                "use one of " + SeedColumnType.ACCEPTED)));
            }
        }
        return new SeedOptions(delimiter, quoteColumns, columnTypes, configLocation);
    }
}
