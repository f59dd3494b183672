package dev.quarry.bigquery.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Analyzes a compiled project with ZetaSQL, node by node in dependency order: sources and seeds are registered in
 * the catalog with their columns; every model's compiled SQL is analyzed and its output columns registered under
 * its relation for what is downstream; every data test's SQL is analyzed against that. Ephemeral models are
 * analyzed on their own too, but register nothing: their referrers carry them as CTEs. An incremental model's
 * SQL for a later run ({@link IncrementalRuns}) and that run's hooks are analyzed once the model's own table is
 * registered.
 *
 * <p>A node whose input could not be registered (a failure, or a skip upstream) is skipped, naming that input.
 */
final class ProjectAnalysis {

    private final BigQueryAnalyzer analyzer;
    private final ReadRelationColumns readRelations;
    private final Map<String, String> expectedRejections;
    private final Map<String, ProjectNode> nodes = new LinkedHashMap<>();
    private final Set<String> registered = new HashSet<>();

    /**
     * @param expectedRejections unique ids of models written in SQL BigQuery does not accept, with the reason: they
     *                           are skipped while ZetaSQL rejects them, and fail once it accepts them
     */
    ProjectAnalysis(BigQueryCompilation compilation, Map<String, String> expectedRejections) {
        this.analyzer = BigQueryAnalyzer.create(compilation.defaultProject());
        this.readRelations = new ReadRelationColumns(compilation, analyzer);
        this.expectedRejections = Map.copyOf(expectedRejections);
        compilation.nodes().forEach(node -> nodes.put(node.uniqueId(), node));
    }

    /** Every node after the nodes it depends on, otherwise in manifest order. */
    List<ProjectNode> order() {
        List<ProjectNode> ordered = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        nodes.values().forEach(node -> visit(node, visited, ordered));
        return ordered;
    }

    private void visit(ProjectNode node, Set<String> visited, List<ProjectNode> ordered) {
        if (visited.add(node.uniqueId())) {
            node.dependsOn().stream().map(nodes::get).filter(Objects::nonNull)
                    .forEach(parent -> visit(parent, visited, ordered));
            ordered.add(node);
        }
    }

    /** Analyzes one node; call in {@link #order()}. Registers what it builds when it was analyzed. */
    NodeOutcome analyze(ProjectNode node) {
        NodeOutcome outcome = switch (node.resourceType()) {
            case "source" -> readRelations.source(node);
            case "seed" -> readRelations.seed(node);
            default -> expectedRejections.containsKey(node.uniqueId()) ? expectRejection(node) : analyzeSql(node);
        };
        if (outcome instanceof NodeOutcome.Analyzed analyzed && !node.relation().isEmpty()) {
            try {
                analyzer.addTable(node.relation(), analyzed.columns());
                registered.add(node.uniqueId());
            } catch (IllegalArgumentException clash) {
                return new NodeOutcome.Failed(clash.getMessage());
            }
        }
        return outcome;
    }

    private NodeOutcome analyzeSql(ProjectNode node) {
        Set<String> unavailable = unavailableInputs(node);
        if (!unavailable.isEmpty()) {
            return new NodeOutcome.Skipped("not analyzed: it reads " + String.join(", ", unavailable)
                    + ", which could not be analyzed");
        }
        if (node.compiledCode() == null) {
            return new NodeOutcome.Failed("it has no compiled SQL");
        }
        List<TypedColumn> columns;
        try {
            if (node.resourceType().equals("incremental run hook")) {
                analyzer.analyzeStatement(node.compiledCode()); // a hook is any statement: DML, DDL or a query
                return new NodeOutcome.Analyzed(List.of());
            }
            columns = analyzer.analyzeQuery(node.compiledCode());
        } catch (BigQueryAnalysisException rejected) {
            return new NodeOutcome.Failed("ZetaSQL rejects " + node.compiledPath() + ":\n" + rejected.getMessage());
        }
        String unbuildable = node.buildsARelation() ? unbuildable(columns) : null;
        return unbuildable == null ? new NodeOutcome.Analyzed(columns)
                : new NodeOutcome.Failed(unbuildable + "\ncolumns: " + columns);
    }

    private NodeOutcome expectRejection(ProjectNode node) {
        String reason = expectedRejections.get(node.uniqueId());
        NodeOutcome outcome = analyzeSql(node);
        if (outcome instanceof NodeOutcome.Failed failed) {
            return new NodeOutcome.Skipped("excluded: " + reason + "\n" + failed.message());
        }
        if (outcome instanceof NodeOutcome.Analyzed) {
            return new NodeOutcome.Failed("it is excluded (" + reason + "), but ZetaSQL accepts it now: take it "
                    + "off the exclusions");
        }
        return outcome;
    }

    /** The relations the node reads (through ephemeral models, which it carries as CTEs) that are not registered. */
    private Set<String> unavailableInputs(ProjectNode node) {
        Set<String> unavailable = new LinkedHashSet<>();
        for (String id : node.dependsOn()) {
            ProjectNode parent = nodes.get(id);
            if (parent != null && parent.isEphemeral()) {
                unavailable.addAll(unavailableInputs(parent));
            } else if (parent != null && !registered.contains(id)) {
                unavailable.add(parent.displayName());
            }
        }
        return unavailable;
    }

    /** Why BigQuery cannot create a table or view with these columns, or null when it can. */
    private static String unbuildable(List<TypedColumn> columns) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < columns.size(); index++) {
            String name = columns.get(index).name();
            if (name.startsWith("$")) {
                return "column " + (index + 1) + " has no name, and BigQuery creates no table or view with an "
                        + "unnamed column: give it an alias";
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                return "column " + name + " appears twice, and BigQuery creates no table or view with duplicate "
                        + "column names (ignoring case)";
            }
        }
        return null;
    }
}
