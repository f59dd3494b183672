package dev.quarry.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A node of the dependency graph, with what selection needs to know about it.
 *
 * @param uniqueId    {@code model.<project>.<name>}, {@code source.<project>.<source>.<table>}, ...
 * @param type        what the node is
 * @param name        the name users type: the model, seed, test or exposure name; {@code source.table} for sources
 * @param path        the file the node is defined in, relative to the project directory
 * @param fqn         the project name, the folders under the model path, the name
 * @param tags        tags from config
 * @param config      resolved config values (only plain values: strings, numbers, booleans, lists, maps)
 * @param sourceName  for sources, the source's name; otherwise null
 * @param testName    for generic data tests, the test's name ({@code not_null}, {@code relationships}, a project's own
 *                    generic test); otherwise null
 */
public record GraphNode(
        String uniqueId,
        ResourceType type,
        String name,
        String path,
        List<String> fqn,
        Set<String> tags,
        Map<String, Object> config,
        String sourceName,
        String testName) {

    public GraphNode {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        fqn = List.copyOf(fqn);
        tags = Set.copyOf(tags);
        config = Map.copyOf(config);
    }

    /** A node that is not a generic data test. */
    public GraphNode(String uniqueId, ResourceType type, String name, String path, List<String> fqn, Set<String> tags,
            Map<String, Object> config, String sourceName) {
        this(uniqueId, type, name, path, fqn, tags, config, sourceName, null);
    }

    /** {@code data} or {@code unit} for tests, as in {@code test_type:unit}; null for other nodes. */
    public String testType() {
        return switch (type) {
            case DATA_TEST -> "data";
            case UNIT_TEST -> "unit";
            case MODEL, SEED, SOURCE, EXPOSURE -> null;
        };
    }
}
