package dev.quarry.bigquery.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a compiled project, as {@code target/manifest.json} records it: what the analysis needs of it.
 *
 * @param resourceType  {@code model}, {@code seed}, {@code test}, {@code source}, or {@code incremental run} for
 *                      the SQL an incremental model runs when its table exists and {@code incremental run hook} for
 *                      one of that run's hooks ({@link IncrementalRuns})
 * @param path          the file it is defined in, relative to the project
 * @param definedAt     where a test of YAML is written ({@code models/schema.yml:21:22}), which hook of an
 *                      incremental run ({@code pre_hook[0]}), else null
 * @param compiledCode  the compiled SQL, or null (seeds, sources)
 * @param relation      {@code [project, dataset, table]}, or {@code [dataset, table]} for a source in the default
 *                      project; empty for ephemeral models, tests and incremental runs
 * @param renderedRelation the relation as the SQL writes it, or null
 * @param columnTypes   the columns the properties YAML names, in order, with their {@code data_type} or null
 * @param sourceTable   {@code source.table} of a source, else null
 */
record ProjectNode(String uniqueId, String resourceType, String name, String path, String definedAt,
        String compiledCode, List<String> dependsOn, List<String> relation, String renderedRelation,
        String materialized, Map<String, Object> config, Map<String, String> columnTypes, String sourceTable) {

    ProjectNode {
        dependsOn = List.copyOf(dependsOn);
        relation = List.copyOf(relation);
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(columnTypes));
    }

    boolean isModel() {
        return resourceType.equals("model");
    }

    boolean isEphemeral() {
        return isModel() && "ephemeral".equals(materialized);
    }

    /** Whether its SQL becomes a table or view, whose columns must be named. */
    boolean buildsARelation() {
        return isModel() && !isEphemeral() || resourceType.equals("incremental run");
    }

    /** Where {@code compile} writes its SQL ({@code ManifestNode.sqlPath()} under {@code target/compiled}). */
    String compiledPath() {
        if (resourceType.equals("incremental run")) {
            return path + " rendered with is_incremental() true";
        }
        if (resourceType.equals("incremental run hook")) {
            return path + " " + definedAt + " rendered with is_incremental() true";
        }
        return "target/compiled/" + (definedAt != null ? path + "/" + name + ".sql" : path);
    }

    /** How failures name it: its file, and for a test of YAML or a source what in that file. */
    String displayName() {
        return switch (resourceType) {
            case "source" -> "source " + sourceTable + " (" + path + ")";
            case "test" -> definedAt != null ? "test " + name + " (" + definedAt + ")" : "test " + path;
            case "incremental run" -> "model " + path + ", incremental run (is_incremental() true)";
            case "incremental run hook" -> "model " + path + ", " + definedAt + " of an incremental run";
            default -> resourceType + " " + path;
        };
    }
}
