package dev.quarry.bigquery.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.quarry.error.Diagnostic;
import dev.quarry.seed.SeedColumn;
import dev.quarry.seed.SeedOptions;
import dev.quarry.seed.SeedReader;
import dev.quarry.seed.SeedScan;

/**
 * The columns of the relations a project reads but does not build from SQL: a source's, from the {@code data_type}s
 * its properties YAML declares; a seed's, from Quarry's own inference over the
 * CSV file and {@code column_types}, written as the BigQuery types Quarry creates the columns with.
 */
final class ReadRelationColumns {

    private final BigQueryCompilation compilation;
    private final BigQueryAnalyzer analyzer;

    ReadRelationColumns(BigQueryCompilation compilation, BigQueryAnalyzer analyzer) {
        this.compilation = compilation;
        this.analyzer = analyzer;
    }

    /** A source's typed columns; skipped when the project declares no types for it, or not for every column. */
    NodeOutcome source(ProjectNode source) {
        boolean declared = source.columnTypes().values().stream().anyMatch(Objects::nonNull);
        Map<String, String> types = declared ? source.columnTypes() : Map.of();
        String origin = source.path();
        if (types.isEmpty()) {
            return new NodeOutcome.Skipped("no data_type is declared for its columns, so the models and tests that "
                    + "read it cannot be analyzed: declare the types in " + source.path());
        }
        List<String> untyped = types.entrySet().stream().filter(entry -> entry.getValue() == null)
                .map(Map.Entry::getKey).toList();
        if (!untyped.isEmpty()) {
            return new NodeOutcome.Skipped("no data_type is declared for " + untyped + " in " + origin
                    + ", so what reads it cannot be analyzed: declare every column's type");
        }
        List<TypedColumn> columns = new ArrayList<>();
        for (Map.Entry<String, String> column : types.entrySet()) {
            try {
                columns.add(analyzer.column(column.getKey(), column.getValue()));
            } catch (BigQueryAnalysisException notAType) {
                return new NodeOutcome.Failed("data_type '" + column.getValue()
                        + "' of column " + column.getKey() + " (" + origin + ") is not a BigQuery type:\n"
                        + notAType.zetaSqlMessage());
            }
        }
        return new NodeOutcome.Analyzed(columns);
    }

    /** A seed's columns with the types Quarry infers (or {@code column_types} sets), as BigQuery types. */
    NodeOutcome seed(ProjectNode seed) {
        List<Diagnostic> problems = new ArrayList<>();
        SeedOptions options = SeedOptions.fromConfig(seed.config(), seed.path(), null, problems);
        SeedScan scan = new SeedReader(compilation.projectDir().resolve(seed.path()), seed.path(), options).scan();
        problems.addAll(scan.diagnostics());
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            return new NodeOutcome.Failed("the seed cannot be read:\n" + problems.stream()
                    .map(Diagnostic::format).collect(Collectors.joining("\n")));
        }
        List<TypedColumn> columns = new ArrayList<>();
        for (SeedColumn column : scan.columns()) {
            String type = column.type().sqlType("bigquery");
            try {
                columns.add(analyzer.column(column.name(), type));
            } catch (BigQueryAnalysisException notAType) {
                return new NodeOutcome.Failed("Quarry creates column " + column.name()
                        + " as '" + type + "', which BigQuery does not know:\n" + notAType.zetaSqlMessage());
            }
        }
        return new NodeOutcome.Analyzed(columns);
    }
}
