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
import dev.quarry.project.ColumnProperties;

/**
 * Before anything runs: a model whose {@code contract: {enforced: true}} cannot hold is a project error. As in dbt,
 * the contract is the model's columns in its properties YAML, each with a {@code data_type}; the model may not be
 * ephemeral; and when {@link OutputColumns} can name the columns its SQL returns, they must be the declared ones. The
 * types are compared when the model runs, by the engine ({@code execute.ContractCheck}).
 */
final class ModelContracts {

    private final Diagnostics diagnostics;
    private final Map<String, Optional<List<String>>> outputColumns;
    private final Function<ManifestNode, SourceLocation> contractLocation;

    /**
     * @param outputColumns    the output columns the compile pass found, by model unique id
     * @param contractLocation where a model's {@code contract} config is set
     */
    ModelContracts(Diagnostics diagnostics, Map<String, Optional<List<String>>> outputColumns,
            Function<ManifestNode, SourceLocation> contractLocation) {
        this.diagnostics = diagnostics;
        this.outputColumns = outputColumns;
        this.contractLocation = contractLocation;
    }

    void check(Map<String, ManifestNode> nodes, Set<String> selected) {
        for (String id : selected) {
            ManifestNode model = nodes.get(id);
            if (model != null && model.enforcesContract()) {
                check(model);
            }
        }
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
