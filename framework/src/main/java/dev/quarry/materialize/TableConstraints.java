package dev.quarry.materialize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.quarry.adapter.EngineDialect;
import dev.quarry.compile.ManifestNode;
import dev.quarry.project.ColumnProperties;
import dev.quarry.project.Constraint;
import dev.quarry.template.Relation;

/**
 * The constraints of a model with an enforced contract that the engine applies to the table built, as dbt does:
 * {@code not_null} and {@code primary_key}, added to the new table before it takes the model's name, so that a row
 * that breaks one fails the build and the previous table stays. Other types are not applied (the compile warns).
 */
final class TableConstraints {

    private TableConstraints() {
    }

    /** The statements that add them to {@code table}; none for a model whose contract is not enforced. */
    static List<String> statements(ManifestNode node, EngineDialect dialect, Relation table) {
        if (!node.enforcesContract()) {
            return List.of();
        }
        List<String> statements = new ArrayList<>();
        for (Constraint constraint : of(node)) {
            switch (constraint.type()) {
                case "not_null" -> constraint.columns().forEach(column -> dialect.setNotNull(table, column)
                        .ifPresent(statements::add));
                case "primary_key" -> statements.add(dialect.addPrimaryKey(table, constraint.columns()));
                default -> { }
            }
        }
        return statements;
    }

    /** The model's constraints: its columns', then its own (kept in the node's details as the manifest has them). */
    private static List<Constraint> of(ManifestNode node) {
        List<Constraint> constraints = new ArrayList<>();
        for (ColumnProperties column : node.columns()) {
            constraints.addAll(column.constraints());
        }
        if (node.details().get("constraints") instanceof List<?> modelLevel) {
            for (Object entry : modelLevel) {
                if (entry instanceof Map<?, ?> fields && fields.get("columns") instanceof List<?> columns) {
                    constraints.add(new Constraint(String.valueOf(fields.get("type")),
                            columns.stream().map(String::valueOf).toList(), null, null));
                }
            }
        }
        return constraints;
    }
}
