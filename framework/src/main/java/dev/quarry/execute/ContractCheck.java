package dev.quarry.execute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.EngineSession;
import dev.quarry.compile.ManifestNode;
import dev.quarry.project.ColumnProperties;

/**
 * Before a model with an enforced contract is built: the columns its SQL returns, with the types the engine gives
 * them, must be the columns its properties YAML declares, with their {@code data_type}s. Both sides are typed by the
 * engine itself, so that {@code int} in the YAML and DuckDB's {@code INTEGER} agree: the model's SQL and a row of
 * {@code cast(null as <data_type>)}, each run with no rows to return ({@code where 1 = 0}).
 */
final class ContractCheck {

    private ContractCheck() {
    }

    /** The two queries the check runs, in order: for the run's record of statements. */
    record Queries(String model, String declared) {
    }

    static Queries queries(ManifestNode model) {
        return new Queries("select * from (\n" + model.compiledCode() + "\n) as quarry_contract where 1 = 0",
                typesQuery(model.columns()));
    }

    /** A query of no rows whose columns have the given columns' declared types, in order. */
    private static String typesQuery(List<ColumnProperties> columns) {
        StringBuilder query = new StringBuilder("select ");
        for (int index = 0; index < columns.size(); index++) {
            query.append(index == 0 ? "" : ", ").append("cast(null as ").append(columns.get(index).dataType())
                    .append(") as c").append(index);
        }
        return query.append(" from (select 1 as one) as quarry_contract where 1 = 0").toString();
    }

    /**
     * Runs the check.
     *
     * @param queries the model's {@link #queries}
     * @return why the model breaks its contract, or empty when it keeps it
     */
    static Optional<String> violation(ManifestNode model, Queries queries, EngineSession session) {
        List<ColumnInfo> returned = session.query(queries.model(), 0).columns();
        List<ColumnInfo> declaredTypes;
        try {
            declaredTypes = session.query(queries.declared(), 0).columns();
        } catch (EngineException unknownType) {
            return Optional.of(unknownTypes(model, session).orElseThrow(() -> unknownType));
        }
        Map<String, ColumnInfo> byName = new HashMap<>();
        returned.forEach(column -> byName.put(column.name().toLowerCase(Locale.ROOT), column));
        List<String> problems = new ArrayList<>();
        List<ColumnProperties> declared = model.columns();
        for (int index = 0; index < declared.size(); index++) {
            ColumnProperties column = declared.get(index);
            ColumnInfo actual = byName.remove(column.name().toLowerCase(Locale.ROOT));
            String contractType = declaredTypes.get(index).dataType();
            if (actual == null) {
                problems.add("column " + column.name() + " (" + contractType + ") is missing from the SQL");
            } else if (!actual.dataType().equalsIgnoreCase(contractType)) {
                problems.add("column " + column.name() + " is " + actual.dataType() + " in the SQL, but the "
                        + "contract says " + column.dataType() + " (" + contractType + ")");
            }
        }
        returned.stream().filter(column -> byName.containsKey(column.name().toLowerCase(Locale.ROOT)))
                .forEach(column -> problems.add("column " + column.name() + " (" + column.dataType()
                        + ") is not in the contract"));
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(report(model, problems, "make the SQL and the data_type of its columns in "
                + (model.patchPath() != null ? model.patchPath() : "its properties YAML") + " agree"));
    }

    /**
     * Which of the contract's data_types the engine does not know, each with the engine's first line about it; empty
     * when it knows each one on its own.
     */
    private static Optional<String> unknownTypes(ManifestNode model, EngineSession session) {
        List<String> problems = new ArrayList<>();
        for (ColumnProperties column : model.columns()) {
            try {
                session.query(typesQuery(List.of(column)), 0);
            } catch (EngineException unknown) {
                String message = unknown.getMessage() == null ? "" : unknown.getMessage().lines().findFirst()
                        .orElse("");
                problems.add("column " + column.name() + " (" + column.location() + "): data_type '"
                        + column.dataType() + "' is not a type the engine knows: " + message);
            }
        }
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(report(model, problems, "write each data_type as the engine names the type"));
    }

    private static String report(ManifestNode model, List<String> problems, String hint) {
        String newLine = System.lineSeparator();
        return "model " + model.name() + " breaks its enforced contract, so it was not built:" + newLine + "  - "
                + String.join(newLine + "  - ", problems) + newLine + "  hint: " + hint;
    }
}
