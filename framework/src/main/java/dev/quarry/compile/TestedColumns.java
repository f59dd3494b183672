package dev.quarry.compile;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.ResourceType;

/**
 * Before anything runs: a data test under a column the model's compiled SQL does not return is a project error at the
 * test's YAML line. Only models whose columns {@link OutputColumns} can name for sure are checked; the others are
 * checked when the test runs. A model's columns come from its compile (which parsed it, or cached what it found); a
 * model compiled otherwise is parsed here.
 */
final class TestedColumns {

    private final Diagnostics diagnostics;
    private final Map<String, Optional<List<String>>> columnsOfModel = new ConcurrentHashMap<>();

    /** @param knownColumns the output columns the compile pass found, by model unique id */
    TestedColumns(Diagnostics diagnostics, Map<String, Optional<List<String>>> knownColumns) {
        this.diagnostics = diagnostics;
        this.columnsOfModel.putAll(knownColumns);
    }

    void check(Map<String, ManifestNode> nodes, Set<String> selected) {
        selected.parallelStream()
                .map(nodes::get)
                .filter(node -> node.isGenericTest() && node.details().get("column_name") instanceof String)
                .forEach(test -> check(test, nodes.get(String.valueOf(test.details().get("attached_node")))));
    }

    private void check(ManifestNode test, ManifestNode model) {
        if (model == null || model.type() != ResourceType.MODEL || model.compiledCode() == null) {
            return;
        }
        String column = (String) test.details().get("column_name");
        Optional<List<String>> columns = columnsOfModel.computeIfAbsent(model.uniqueId(),
                id -> OutputColumns.of(model.compiledCode()));
        if (columns.isEmpty() || columns.get().stream().anyMatch(column::equalsIgnoreCase)) {
            return;
        }
        String hint = DidYouMean.hint(column, columns.get());
        diagnostics.error(SourceLocation.parse(String.valueOf(test.details().get("defined_at"))), "data test '"
                + test.name() + "' tests the column '" + column + "', which model '" + model.name()
                + "' does not return (it returns " + String.join(", ", columns.get()) + ")", hint != null ? hint
                        : "fix the column's name, or the model's select list");
    }
}
