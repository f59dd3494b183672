package dev.quarry.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.ConfigValue;
import dev.quarry.project.Constraint;
import dev.quarry.project.ModelFile;
import dev.quarry.project.NodeProperties;
import dev.quarry.project.Project;
import dev.quarry.project.SeedFile;
import dev.quarry.project.SourceDefinition;
import dev.quarry.project.SourceTable;
import dev.quarry.template.Relation;

/** Makes the manifest nodes of models, seeds and sources: fqn, resolved config, relation, description, columns. */
final class NodeFactory {

    private final Project project;
    private final RelationNamer namer;
    private final SqlDialect dialect;
    private final ConfigResolver configs;
    private final Diagnostics diagnostics;
    private final DescriptionRenderer descriptions;
    private final Map<String, NodeProperties> modelProperties;
    private final Map<String, NodeProperties> seedProperties;

    NodeFactory(Project project, RelationNamer namer, SqlDialect dialect, DescriptionRenderer descriptions,
            Diagnostics diagnostics) {
        this.descriptions = descriptions;
        this.project = project;
        this.namer = namer;
        this.dialect = dialect;
        this.configs = new ConfigResolver(diagnostics);
        this.diagnostics = diagnostics;
        this.modelProperties = index(project.properties().models(), "model");
        this.seedProperties = index(project.properties().seeds(), "seed");
    }

    private Map<String, NodeProperties> index(List<NodeProperties> properties, String kind) {
        Map<String, NodeProperties> byName = new HashMap<>();
        for (NodeProperties entry : properties) {
            NodeProperties previous = byName.putIfAbsent(entry.name(), entry);
            if (previous != null) {
                diagnostics.error(entry.location(), kind + " '" + entry.name() + "' is described twice",
                        "the other description is at " + previous.location() + "; merge them");
            }
        }
        return byName;
    }

    /** Warns about properties that describe no model or seed. */
    void checkPropertiesMatchFiles() {
        java.util.Set<String> modelNames = project.models().stream().map(ModelFile::name)
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<String> seedNames = project.seeds().stream().map(SeedFile::name)
                .collect(java.util.stream.Collectors.toSet());
        warnUnmatched(modelProperties, modelNames, "model", "models/");
        warnUnmatched(seedProperties, seedNames, "seed", "seeds/");
    }

    private void warnUnmatched(Map<String, NodeProperties> properties, java.util.Set<String> names, String kind,
            String folder) {
        for (NodeProperties entry : properties.values()) {
            if (!names.contains(entry.name())) {
                String hint = DidYouMean.hint(entry.name(), names);
                diagnostics.warning(entry.location(), "properties for " + kind + " '" + entry.name()
                        + "', but there is no such " + kind, hint != null ? hint : "create " + folder + entry.name()
                        + (kind.equals("seed") ? ".csv" : ".sql") + " or remove this entry");
            }
        }
    }

    ManifestNode model(ModelFile file, ParsedTemplate parsed) {
        List<String> fqn = fqn(file.folders(), file.name());
        NodeProperties properties = modelProperties.get(file.name());
        Map<String, ConfigValue> folders = project.config().modelConfigs().resolve(fqn);
        Map<String, ConfigValue> yaml = properties == null ? Map.of() : properties.config();
        Map<String, Object> config = configs.resolve(ConfigResolver.defaults("view"), folders, yaml, parsed.config());
        IncrementalConfig.problem(config, dialect).ifPresent(problem -> diagnostics.error(
                where("incremental_strategy", file.path(), folders, yaml, parsed.config()), problem.message(),
                problem.hint()));
        Relation relation = namer.forNode(file.name(), config);
        return new ManifestNode(NodeIds.model(project.name(), file.name()), ResourceType.MODEL, file.name(),
                project.name(), file.path(), properties == null ? null : properties.file(), fqn, file.rawCode(), null,
                parsed.checksum(), config, tags(config), description(properties),
                properties == null ? List.of() : descriptions.columns(properties.columns()), parsed.references(), List.of(), relation,
                details(properties));
    }

    /** A model's {@code meta}, and its model-level {@code constraints} when it has any (dbt's manifest fields). */
    private static Map<String, Object> details(NodeProperties properties) {
        if (properties == null) {
            return Map.of();
        }
        if (properties.constraints().isEmpty()) {
            return Map.of("meta", properties.meta());
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("meta", properties.meta());
        details.put("constraints", properties.constraints().stream()
                .map(Constraint::toManifest).toList());
        return details;
    }

    /**
     * Where a model's config key that wins was written: its in-file {@code <@config/>}, its properties YAML or the
     * project file's folder config, whichever is the strongest that sets it; the model's file when none does.
     *
     * @param parsed its parse result, or null when it has none (then the other layers are looked at)
     */
    SourceLocation configLocation(ManifestNode model, ParsedTemplate parsed, String key) {
        NodeProperties properties = modelProperties.get(model.name());
        return where(key, model.path(), project.config().modelConfigs().resolve(model.fqn()),
                properties == null ? Map.of() : properties.config(),
                parsed == null ? Map.of() : parsed.config());
    }

    /** A model's constraints: its columns' and its own (model-level), in that order. */
    List<Constraint> constraints(ManifestNode model) {
        List<Constraint> constraints = new java.util.ArrayList<>();
        model.columns().forEach(column -> constraints.addAll(column.constraints()));
        NodeProperties properties = modelProperties.get(model.name());
        if (properties != null) {
            constraints.addAll(properties.constraints());
        }
        return constraints;
    }

    /**
     * Where each of a model's or seed's hooks of one kind ({@code pre_hook}, {@code post_hook}) is written, in the
     * order they run: the project's folder configs, its properties YAML, a model's in-file {@code <@config/>}.
     *
     * @param parsed a model's parse result; null for a seed
     */
    List<SourceLocation> hookLocations(ManifestNode node, ParsedTemplate parsed, String kind) {
        boolean seed = node.type() == ResourceType.SEED;
        List<SourceLocation> locations = new java.util.ArrayList<>((seed ? project.config().seedConfigs()
                : project.config().modelConfigs()).hookLocations(node.fqn(), kind));
        NodeProperties properties = (seed ? seedProperties : modelProperties).get(node.name());
        for (ConfigValue layer : java.util.Arrays.asList(properties == null ? null : properties.config().get(kind),
                parsed == null ? null : parsed.config().get(kind))) {
            if (layer != null && layer.value() instanceof List<?> hooks) {
                hooks.forEach(hook -> locations.add(layer.location()));
            }
        }
        return locations;
    }

    /** Where the value of a config key that wins was written: the strongest layer that sets it. */
    @SafeVarargs
    private static SourceLocation where(String key, String file, Map<String, ConfigValue>... layers) {
        for (int index = layers.length - 1; index >= 0; index--) {
            ConfigValue value = layers[index].get(key);
            if (value != null) {
                return value.location();
            }
        }
        return SourceLocation.of(file);
    }

    ManifestNode seed(SeedFile file, String checksum) {
        List<String> fqn = fqn(file.folders(), file.name());
        NodeProperties properties = seedProperties.get(file.name());
        Map<String, Object> config = configs.resolve(ConfigResolver.defaults("seed"),
                project.config().seedConfigs().resolve(fqn),
                properties == null ? Map.<String, ConfigValue>of() : properties.config());
        return new ManifestNode(NodeIds.seed(project.name(), file.name()), ResourceType.SEED, file.name(),
                project.name(), file.path(), properties == null ? null : properties.file(), fqn, null, null, checksum,
                config, tags(config), description(properties),
                properties == null ? List.of() : descriptions.columns(properties.columns()), List.of(), List.of(),
                namer.forNode(file.name(), config), Map.of());
    }

    /** The table's loader settings over its source's; none when the table says {@code loader: null}. */
    private static Map<String, Object> loader(SourceDefinition source, SourceTable table) {
        if (!table.loads()) {
            return Map.of();
        }
        Map<String, Object> merged = new LinkedHashMap<>(source.loader());
        merged.putAll(table.loader());
        return merged;
    }

    List<ManifestNode> sources(SourceDefinition source) {
        List<ManifestNode> nodes = new ArrayList<>();
        for (SourceTable table : source.tables()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source_name", source.name());
            details.put("source_description", descriptions.render(source.description(), source.location()));
            details.put("loader", loader(source, table));
            details.put("loaded_at_field", table.loadedAtField() != null ? table.loadedAtField()
                    : source.loadedAtField());
            details.put("freshness", table.freshness().isEmpty() ? source.freshness() : table.freshness());
            details.put("external", table.external());
            details.put("identifier", table.identifier());
            details.put("defined_at", table.location().toString());
            Relation relation = sourceRelation(source, table);
            List<String> tags = new ArrayList<>(source.tags());
            table.tags().stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);
            nodes.add(new ManifestNode(NodeIds.source(project.name(), source.name(), table.name()),
                    ResourceType.SOURCE, source.name() + "." + table.name(), project.name(), source.file(),
                    source.file(), List.of(project.name(), source.name(), table.name()), null, null,
                    Checksums.sha256(source.name(), table.name(), String.valueOf(table.external())),
                    Map.of("enabled", true, "tags", tags), tags, descriptions.render(table.description(),
                    table.location()), descriptions.columns(table.columns()), List.of(),
                    List.of(), relation, details));
        }
        return nodes;
    }

    private Relation sourceRelation(SourceDefinition source, SourceTable table) {
        String database = source.database() != null ? source.database() : null;
        String external = table.external().isEmpty() ? null : dialect.externalRelation(table.external());
        if (external != null) {
            return new Relation(database, source.schema(), table.identifier(), external);
        }
        return namer.relation(database, source.schema(), table.identifier());
    }

    private List<String> fqn(List<String> folders, String name) {
        List<String> fqn = new ArrayList<>();
        fqn.add(project.name());
        fqn.addAll(folders);
        fqn.add(name);
        return fqn;
    }

    @SuppressWarnings("unchecked")
    static List<String> tags(Map<String, Object> config) {
        Object tags = config.get("tags");
        return tags instanceof List<?> list ? (List<String>) list : List.of();
    }

    private String description(NodeProperties properties) {
        return properties == null ? "" : descriptions.render(properties.description(), properties.location());
    }
}
