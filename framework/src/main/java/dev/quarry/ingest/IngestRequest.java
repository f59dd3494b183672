package dev.quarry.ingest;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a loader is asked to load.
 *
 * @param sourceName  the source ({@code sfpd})
 * @param tableName   the table ({@code incidents})
 * @param loader      the source's {@code loader:} settings as plain values (its {@code type} included)
 * @param external    the table's {@code external:} settings (where the models read the landed files), may be empty
 * @param columns     the columns the table declares in YAML, in order, with their {@code data_type}
 * @param projectRoot relative paths resolve against it
 * @param environment the environment variables (credentials such as an app token come from here; never log them)
 * @param fullRefresh {@code --full-refresh}: load everything again instead of what changed since the last load
 * @param reconcile   {@code --reconcile}: also find the rows that disappeared at the source
 * @param fromFile    {@code --from-file}: import this file (an export of the source) instead of calling its API
 */
public record IngestRequest(String sourceName, String tableName, Map<String, Object> loader,
        Map<String, Object> external, java.util.List<DeclaredColumn> columns, Path projectRoot, Map<String, String> environment, boolean fullRefresh,
        boolean reconcile, Optional<Path> fromFile, IngestProgress progress) {

    public IngestRequest {
        loader = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(loader));
        external = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(external));
        columns = java.util.List.copyOf(columns);
        environment = Map.copyOf(environment);
    }

    /** {@code source.table}. */
    public String name() {
        return sourceName + "." + tableName;
    }
}
