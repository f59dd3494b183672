package dev.quarry.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.quarry.compile.CompiledProject;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ResourceType;
import dev.quarry.report.Reporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code quarry ls}: list the selected nodes. */
@Command(name = "ls", aliases = "list", description = "List the selected nodes.")
final class LsCommand implements Callable<Integer> {

    /** What each listed line shows. */
    enum Output { selector, name, path, json }

    @ParentCommand
    QuarryCommand parent;

    @Mixin
    SelectionOptions selection;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "selector (default: the dotted fully qualified name), name, path or json.")
    Output output = Output.selector;

    @Option(names = "--resource-type", paramLabel = "TYPE",
            description = "Only nodes of this type: model, seed, source, test, unit_test, exposure.")
    String resourceType;

    @Override
    public Integer call() {
        Workspace workspace = new Workspace(parent.global, parent.invocation());
        Reporter reporter = workspace.reporter();
        CompiledProject project = workspace.compile(new Workspace.Request(selection.select, selection.exclude,
                false, false, true)).project();
        Selections.warnUnmatched(project, selection, reporter);
        for (String id : project.selected()) {
            ManifestNode node = project.nodes().get(id);
            if (resourceType == null || node.type().selectorName().equals(resourceType)) {
                reporter.output(line(node));
            }
        }
        return 0;
    }

    private String line(ManifestNode node) {
        return switch (output) {
            case selector -> node.type() == ResourceType.SOURCE ? "source:" + String.join(".", node.fqn())
                    : String.join(".", node.fqn());
            case name -> node.name();
            case path -> node.path();
            case json -> json(node);
        };
    }

    private static String json(ManifestNode node) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("unique_id", node.uniqueId());
        fields.put("name", node.name());
        fields.put("resource_type", node.type().selectorName());
        fields.put("original_file_path", node.path());
        fields.put("fqn", node.fqn());
        fields.put("tags", node.tags());
        fields.put("config", node.config());
        fields.put("depends_on", Map.of("nodes", node.dependsOn()));
        return dev.quarry.artifacts.JsonText.of(fields);
    }
}
