package dev.quarry.compile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.quarry.error.DidYouMean;
import dev.quarry.project.Project;
import dev.quarry.project.SeedFile;
import dev.quarry.project.SourceDefinition;
import dev.quarry.project.SourceTable;
import dev.quarry.template.TemplateCallException;

/** The names a template may refer to in a project, and the checks behind {@code ref()} and {@code source()}. */
final class ProjectScope {

    private final Project project;
    private final Set<String> refNames = new HashSet<>();
    private final Map<String, Set<String>> sourceTables = new HashMap<>();
    private final Map<String, String> environment;
    /** Answers of {@link #sourceHasFiles}, once per table in a compile: every template asking gets the same one. */
    private final Map<String, Boolean> filesFound = new java.util.concurrent.ConcurrentHashMap<>();

    ProjectScope(Project project, Map<String, String> environment) {
        this.project = project;
        this.environment = environment;
        project.models().forEach(model -> refNames.add(model.name()));
        project.seeds().stream().map(SeedFile::name).forEach(refNames::add);
        for (SourceDefinition source : project.properties().sources()) {
            Set<String> tables = sourceTables.computeIfAbsent(source.name(), name -> new HashSet<>());
            source.tables().stream().map(SourceTable::name).forEach(tables::add);
        }
    }

    Project project() {
        return project;
    }

    Map<String, String> environment() {
        return environment;
    }

    void checkRef(String packageName, String name) throws TemplateCallException {
        if (packageName != null && !packageName.equals(project.name())) {
            throw new TemplateCallException("ref('" + packageName + "', '" + name + "') names package '"
                    + packageName + "', which is not this project", "write ref('" + project.name() + "', '" + name
                    + "') or ref('" + name + "'); only this project's models and seeds can be referenced");
        }
        if (!refNames.contains(name)) {
            String hint = DidYouMean.hint(name, refNames);
            throw new TemplateCallException("ref('" + name + "') names no model or seed", hint != null ? hint
                    : "create models/.../" + name + ".sql or seeds/" + name + ".csv, or fix the name");
        }
    }

    /**
     * Whether a checked source table's external location matches a file (see {@link ExternalFiles}), looked at once
     * per compile.
     */
    boolean sourceHasFiles(String sourceName, String tableName) {
        return filesFound.computeIfAbsent(dev.quarry.template.RenderTrace.sourceTableKey(sourceName, tableName),
                key -> lookForFiles(sourceName, tableName));
    }

    private boolean lookForFiles(String sourceName, String tableName) {
        for (SourceDefinition source : project.properties().sources()) {
            for (SourceTable table : source.tables()) {
                if (source.name().equals(sourceName) && table.name().equals(tableName)) {
                    Object location = table.external().get("location");
                    return location == null || ExternalFiles.anyMatch(project.root(), location.toString());
                }
            }
        }
        return false;
    }

    void checkSource(String sourceName, String tableName) throws TemplateCallException {
        Set<String> tables = sourceTables.get(sourceName);
        if (tables == null) {
            String hint = DidYouMean.hint(sourceName, sourceTables.keySet());
            throw new TemplateCallException("source('" + sourceName + "', '" + tableName + "') names no declared "
                    + "source '" + sourceName + "'", hint != null ? hint
                    : "declare it under 'sources:' in a .yml file next to the models");
        }
        if (!tables.contains(tableName)) {
            String hint = DidYouMean.hint(tableName, tables);
            throw new TemplateCallException("source '" + sourceName + "' has no table '" + tableName + "'",
                    hint != null ? hint : "add '- name: " + tableName + "' under the source's tables");
        }
    }
}
