package dev.quarry.compile;

import java.util.List;
import java.util.Map;

import dev.quarry.graph.ResourceType;
import dev.quarry.project.ColumnProperties;
import dev.quarry.template.Relation;

/**
 * A node of the compiled project, as the manifest records it.
 *
 * @param path          the file the node is defined in (its SQL or CSV file; a YAML file for tests of YAML)
 * @param patchPath     the properties file that describes it, or null
 * @param rawCode       the template text, or null for nodes without SQL
 * @param compiledCode  the rendered SQL, or null when it was not compiled (not selected, or no SQL)
 * @param checksum      SHA-256 of the raw code (or of the defining file)
 * @param config        resolved config, plain values
 * @param references    the refs and sources it uses
 * @param dependsOn     unique ids of the nodes it depends on
 * @param relation      the relation it builds or reads, or null (also for ephemeral models, which build nothing)
 * @param details       what only some kinds of node have: test metadata, unit test fixtures, exposure owner, ...
 */
public record ManifestNode(
        String uniqueId,
        ResourceType type,
        String name,
        String packageName,
        String path,
        String patchPath,
        List<String> fqn,
        String rawCode,
        String compiledCode,
        String checksum,
        Map<String, Object> config,
        List<String> tags,
        String description,
        List<ColumnProperties> columns,
        List<Reference> references,
        List<String> dependsOn,
        Relation relation,
        Map<String, Object> details) {

    /** The class of the maps {@link #frozen} makes; a map of it needs no copy. */
    private static final Class<?> FROZEN = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>())
            .getClass();

    public ManifestNode {
        fqn = List.copyOf(fqn);
        config = frozen(config);
        tags = List.copyOf(tags);
        columns = List.copyOf(columns);
        references = List.copyOf(references);
        dependsOn = List.copyOf(dependsOn);
        details = frozen(details);
    }

    /**
     * An unmodifiable copy in the same order, or the map itself when it already is one: a node is copied a few times
     * on its way through the compiler, and a large project has tens of thousands of them.
     */
    private static Map<String, Object> frozen(Map<String, Object> map) {
        return map.getClass() == FROZEN ? map
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /** The same node with its compiled SQL. */
    public ManifestNode withDetails(Map<String, Object> replaced) {
        return new ManifestNode(uniqueId, type, name, packageName, path, patchPath, fqn, rawCode, compiledCode,
                checksum, config, tags, description, columns, references, dependsOn, relation, replaced);
    }

    public ManifestNode withCompiledCode(String sql) {
        return new ManifestNode(uniqueId, type, name, packageName, path, patchPath, fqn, rawCode, sql, checksum,
                config, tags, description, columns, references, dependsOn, relation, details);
    }

    /** The same node without a relation: what an ephemeral model has, since it builds nothing. */
    public ManifestNode withoutRelation() {
        return new ManifestNode(uniqueId, type, name, packageName, path, patchPath, fqn, rawCode, compiledCode,
                checksum, config, tags, description, columns, references, dependsOn, null, details);
    }

    /** Whether it is an ephemeral model: it builds nothing and is inlined as a CTE into the nodes that use it. */
    /** A data test made from YAML ({@code unique}, a project's own generic test), not from a SQL file. */
    public boolean isGenericTest() {
        return details.containsKey("test_metadata");
    }

    /**
     * Where the node's SQL goes under {@code target/compiled/} and {@code target/run/}: its file's path, or for a
     * test written in YAML a file named after it in a folder named after its YAML file (as dbt writes them; a unit
     * test's in a folder named after its model, since names are unique per model).
     */
    public String sqlPath() {
        if (type == ResourceType.UNIT_TEST) {
            return path + "/" + details.get("model") + "/" + name + ".sql";
        }
        return isGenericTest() ? path + "/" + name + ".sql" : path;
    }

    public boolean isEphemeral() {
        return type == ResourceType.MODEL && "ephemeral".equals(materialized());
    }

    /** Whether the documentation site shows it: not when its config says {@code docs: {show: false}}, as in dbt. */
    public boolean shownInDocs() {
        return !(config.get("docs") instanceof Map<?, ?> docs && Boolean.FALSE.equals(docs.get("show")));
    }

    /** Whether it is a model whose config enforces its contract ({@code contract: {enforced: true}}). */
    public boolean enforcesContract() {
        return type == ResourceType.MODEL && config.get("contract") instanceof Map<?, ?> contract
                && Boolean.TRUE.equals(contract.get("enforced"));
    }

    public String materialized() {
        Object value = config.get("materialized");
        return value == null ? null : value.toString();
    }
}
