package dev.quarry.unittest;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.compile.CteInjector;
import dev.quarry.compile.ManifestNode;
import dev.quarry.compile.SqlDialect;
import dev.quarry.compile.UnitTestCompleter;
import dev.quarry.compile.UnitTestInputs;
import dev.quarry.error.DidYouMean;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.SourceLocation;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.ColumnProperties;

/**
 * Completes a compiled unit test: puts the CTE of each given input's rows (written by {@link FixtureTable} for the
 * engine the test runs on) in front of the model's SQL. A seed's rows may only name its CSV header's columns; values
 * are cast to the types the project declares (a seed's {@code column_types}, a column's YAML {@code data_type}).
 */
public final class UnitTestAssembler implements UnitTestCompleter {

    private final FixtureTable fixtureTable;
    private final String engineType;
    private final Path projectRoot;
    /** The inputs index of the last nodes map seen: one compile asks for every unit test with the same map. */
    private volatile Map<String, ManifestNode> indexedNodes;
    private volatile Map<String, ManifestNode> inputsByCanonicalName;

    /** @param dialect the dialect of the engine the unit tests run on */
    public UnitTestAssembler(SqlDialect dialect, Path projectRoot) {
        this.fixtureTable = new FixtureTable(dialect);
        this.engineType = dialect.type();
        this.projectRoot = projectRoot;
    }

    @Override
    public String engineType() {
        return engineType;
    }

    /** The test with its complete SQL, or null when a fixture has errors (reported at its YAML line). */
    @Override
    public ManifestNode complete(ManifestNode test, Map<String, ManifestNode> nodes, Diagnostics diagnostics) {
        Map<String, ManifestNode> inputsByCanonicalName = inputsOf(nodes);
        List<CteInjector.Cte> ctes = new ArrayList<>();
        boolean usable = true;
        ManifestNode model = inputsByCanonicalName.get("ref('" + test.details().get("model") + "')");
        for (Map<String, Object> fixture : UnitTestFixtures.given(test.details())) {
            SourceLocation at = SourceLocation.parse(String.valueOf(fixture.get("defined_at")));
            String input = UnitTestInputs.canonical(String.valueOf(fixture.get("input"))).orElseThrow();
            ManifestNode inputNode = input.equals(UnitTestInputs.THIS) ? model : inputsByCanonicalName.get(input);
            Optional<FixtureRows> rows = rows(fixture, at, diagnostics);
            if (rows.isEmpty()) {
                usable = false;
                continue;
            }
            List<ColumnInfo> columns = columns(inputNode, rows.get());
            if (inputNode != null && inputNode.type() == ResourceType.SEED
                    && !checkColumns(test, input, rows.get(), columns, at, diagnostics)) {
                usable = false;
                continue;
            }
            FixtureSelect select = fixtureTable.select(rows.get(), columns);
            if (!select.ok()) {
                select.problems().forEach(problem -> diagnostics.error(at, "unit test '" + test.name()
                        + "', rows for " + input + ": " + problem.message(), "name the columns in the rows"));
                usable = false;
                continue;
            }
            ctes.add(new CteInjector.Cte(input, UnitTestInputs.cteName(input), select.sql()));
        }
        Map<String, Object> expect = UnitTestFixtures.expect(test.details());
        if (expect != null) {
            usable &= rows(expect, SourceLocation.parse(String.valueOf(expect.get("defined_at"))), diagnostics)
                    .isPresent();
        }
        return usable ? test.withCompiledCode(CteInjector.inject(test.compiledCode(), ctes)) : null;
    }

    private Map<String, ManifestNode> inputsOf(Map<String, ManifestNode> nodes) {
        synchronized (this) {
            if (indexedNodes != nodes) {
                inputsByCanonicalName = inputs(nodes);
                indexedNodes = nodes;
            }
            return inputsByCanonicalName;
        }
    }

    /** The models, seeds and sources a test may give rows for, by their canonical input names. */
    private static Map<String, ManifestNode> inputs(Map<String, ManifestNode> nodes) {
        Map<String, ManifestNode> inputs = new HashMap<>();
        for (ManifestNode node : nodes.values()) {
            if (node.type() == ResourceType.MODEL || node.type() == ResourceType.SEED) {
                inputs.put("ref('" + node.name() + "')", node);
            } else if (node.type() == ResourceType.SOURCE) {
                inputs.put("source('" + node.fqn().get(1) + "', '" + node.fqn().get(2) + "')", node);
            }
        }
        return inputs;
    }

    private static Optional<FixtureRows> rows(Map<String, Object> fixture, SourceLocation at,
            Diagnostics diagnostics) {
        try {
            return Optional.of(UnitTestFixtures.rows(fixture));
        } catch (CsvFixtureException malformed) {
            diagnostics.error(at, "the CSV rows are malformed: " + malformed.getMessage(),
                    "the first line names the columns; every other line has one value per column");
            return Optional.empty();
        }
    }

    private static boolean checkColumns(ManifestNode test, String input, FixtureRows rows, List<ColumnInfo> columns,
            SourceLocation at, Diagnostics diagnostics) {
        List<String> names = columns.stream().map(ColumnInfo::name).toList();
        boolean usable = true;
        for (String column : rows.columns()) {
            if (names.stream().noneMatch(column::equalsIgnoreCase)) {
                String hint = DidYouMean.hint(column, names);
                diagnostics.error(at, "unit test '" + test.name() + "' gives " + input + " a column '" + column
                        + "' it does not have (it has " + String.join(", ", names) + ")", hint != null ? hint
                                : "remove the column from the rows");
                usable = false;
            }
        }
        return usable;
    }

    /**
     * The columns an input's rows are written with. A seed's are its CSV header, complete, so its rows may name no
     * other (and unnamed ones are null), typed by its {@code column_types}. A model's or source's are the columns its
     * YAML declares, in order, each cast to its {@code data_type} if it has one, followed by any other column the
     * rows name: as in dbt, a test gives only the columns it is about, and the others are null. Empty when nothing
     * is declared and the rows' literals speak for themselves.
     */
    private List<ColumnInfo> columns(ManifestNode input, FixtureRows rows) {
        if (input == null) {
            return List.of();
        }
        if (input.type() == ResourceType.SEED) {
            return seedHeader(input).stream().map(name -> new ColumnInfo(name, columnType(input, name))).toList();
        }
        if (input.columns().stream().allMatch(column -> column.dataType() == null)) {
            return List.of();
        }
        List<ColumnInfo> columns = new ArrayList<>();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (ColumnProperties column : input.columns()) {
            if (named.add(column.name().toLowerCase(java.util.Locale.ROOT))) {
                columns.add(new ColumnInfo(column.name(), column.dataType()));
            }
        }
        for (String name : rows.columns()) {
            if (named.add(name.toLowerCase(java.util.Locale.ROOT))) {
                columns.add(new ColumnInfo(name, null));
            }
        }
        return columns;
    }

    private List<String> seedHeader(ManifestNode seed) {
        Object delimiter = seed.config().get("delimiter");
        if (delimiter != null && !",".equals(delimiter)) {
            return List.of();
        }
        try (BufferedReader reader = Files.newBufferedReader(projectRoot.resolve(seed.path()),
                StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            return header == null ? List.of() : FixtureRows.fromCsv(header).columns();
        } catch (IOException | CsvFixtureException unreadable) {
            return List.of(); // the seed itself reports its file's problems when it is loaded
        }
    }

    private static String columnType(ManifestNode seed, String column) {
        return seed.config().get("column_types") instanceof Map<?, ?> types && types.get(column) instanceof String type
                ? type : null;
    }
}
