package dev.quarry.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.ColumnProperties;
import dev.quarry.project.Constraint;

/**
 * Before anything runs: a model whose {@code contract: {enforced: true}} cannot hold is a project error. As in dbt,
 * the contract is the model's columns in its properties YAML, each with a {@code data_type}; the model may not be
 * ephemeral; and when {@link OutputColumns} can name the columns its SQL returns, they must be the declared ones. The
 * types are compared when the model runs, by the engine ({@code execute.ContractCheck}). Its constraints must name
 * declared columns; those the engine will not apply ({@code materialize.TableConstraints}: all but {@code not_null},
 * which BigQuery cannot add, and {@code primary_key}) are warnings, as are constraints without an enforced contract.
 */
final class ModelContracts {

    private final Diagnostics diagnostics;
    private final Map<String, Optional<List<String>>> outputColumns;
    private final Function<ManifestNode, SourceLocation> contractLocation;
    private final Function<ManifestNode, List<Constraint>> constraints;
    private final String engine;

    /**
     * @param outputColumns    the output columns the compile pass found, by model unique id
     * @param contractLocation where a model's {@code contract} config is set
     * @param constraints      a model's constraints, its columns' and its own
     * @param engine           the target's engine type ({@code duckdb}, {@code bigquery}, ...)
     */
    ModelContracts(Diagnostics diagnostics, Map<String, Optional<List<String>>> outputColumns,
            Function<ManifestNode, SourceLocation> contractLocation,
            Function<ManifestNode, List<Constraint>> constraints, String engine) {
        this.diagnostics = diagnostics;
        this.outputColumns = outputColumns;
        this.contractLocation = contractLocation;
        this.constraints = constraints;
        this.engine = engine;
    }

    void check(Map<String, ManifestNode> nodes, Set<String> selected) {
        for (String id : selected) {
            ManifestNode model = nodes.get(id);
            if (model == null || model.type() != ResourceType.MODEL) {
                continue;
            }
            List<Constraint> declared = constraints.apply(model);
            if (model.enforcesContract()) {
                check(model);
                checkConstraints(model, declared);
            } else if (!declared.isEmpty()) {
                diagnostics.warning(declared.get(0).location(), "model '" + model.name() + "' has constraints, "
                        + "which apply only when its contract is enforced", "add contract: {enforced: true} to "
                        + "its config, or remove them");
            }
        }
    }

    private void checkConstraints(ManifestNode model, List<Constraint> declared) {
        Set<String> columns = Set.copyOf(model.columns().stream()
                .map(column -> column.name().toLowerCase(Locale.ROOT)).toList());
        for (Constraint constraint : declared) {
            List<String> unknown = constraint.columns().stream()
                    .filter(column -> !columns.contains(column.toLowerCase(Locale.ROOT))).toList();
            if (constraint.columns().isEmpty() && !constraint.type().equals("check")
                    && !constraint.type().equals("custom")) {
                diagnostics.error(constraint.location(), "a " + constraint.type() + " constraint of model '"
                        + model.name() + "' names no columns", "list them: columns: [a, b]");
            } else if (!unknown.isEmpty()) {
                diagnostics.error(constraint.location(), "a " + constraint.type() + " constraint of model '"
                        + model.name() + "' is on " + String.join(", ", unknown) + ", which its contract does not "
                        + "declare", "declare the column under the model, or fix its name");
            } else if (!applied(constraint.type())) {
                diagnostics.warning(constraint.location(), "a " + constraint.type() + " constraint is not applied "
                        + (constraint.type().equals("not_null") ? "on BigQuery, which adds none to a table"
                                : "by Quarry"), testInstead(constraint.type()));
            }
        }
    }

    /** Whether the engine adds a constraint of this type to the table ({@code materialize.TableConstraints}). */
    private boolean applied(String type) {
        return type.equals("primary_key") || type.equals("not_null") && !engine.equals("bigquery");
    }

    private static String testInstead(String type) {
        return switch (type) {
            case "not_null", "unique" -> "a " + type + " data test on the column checks the rows";
            case "foreign_key" -> "a relationships data test on the column checks the rows";
            default -> "a data test can check it";
        };
    }

    private void check(ManifestNode model) {
        SourceLocation where = contractLocation.apply(model);
        if (model.isEphemeral()) {
            diagnostics.error(where, "model '" + model.name() + "' enforces a contract "
                    + "but is ephemeral, and builds no relation to hold it to", "materialize it as a view, table or "
                    + "incremental model, or drop contract.enforced");
            return;
        }
        if (model.columns().isEmpty()) {
            diagnostics.error(where, "model '" + model.name() + "' enforces a contract but declares no columns",
                    "list its columns with their data_type under the model in its properties YAML");
            return;
        }
        boolean typed = true;
        for (ColumnProperties column : model.columns()) {
            if (column.dataType() == null || column.dataType().isBlank()) {
                typed = false;
                diagnostics.error(column.location(), "column '" + column.name() + "' of model '" + model.name()
                        + "' has no data_type, and the model enforces a contract", "give it a data_type, as the "
                        + "engine names the type (for example bigint, varchar, date)");
            }
        }
        Optional<List<String>> returned = outputColumns.getOrDefault(model.uniqueId(), Optional.empty());
        if (typed && returned.isPresent()) {
            compareNames(model, returned.get(), where);
        }
    }

    private void compareNames(ManifestNode model, List<String> returned, SourceLocation where) {
        List<String> declared = model.columns().stream().map(ColumnProperties::name).toList();
        List<String> missing = without(declared, returned);
        List<String> extra = without(returned, declared);
        if (missing.isEmpty() && extra.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("it does not return " + String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            problems.add("it returns " + String.join(", ", extra) + ", which the contract does not declare");
        }
        diagnostics.error(where, "model '" + model.name() + "' breaks its contract: "
                + String.join("; ", problems), "make the select list and the columns in "
                + (model.patchPath() != null ? model.patchPath() : "its properties YAML") + " name the same columns");
    }

    /** The names of {@code names} that {@code others} lacks, ignoring case. */
    private static List<String> without(List<String> names, List<String> others) {
        Set<String> lower = Set.copyOf(others.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList());
        return names.stream().filter(name -> !lower.contains(name.toLowerCase(Locale.ROOT))).toList();
    }
}
