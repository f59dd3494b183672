package dev.quarry.bigquery.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SimpleColumn;
import com.google.zetasql.SimpleTable;
import com.google.zetasql.SqlException;
import com.google.zetasql.Type;
import com.google.zetasql.TypeFactory;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLOptions.ErrorMessageMode;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateTableStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;

/**
 * BigQuery's SQL analyzer (ZetaSQL's Java client over its JNI local service) with a catalog of typed tables.
 *
 * <p>Language: every released ZetaSQL feature ({@code enableMaximumLanguageFeatures}, a superset of what BigQuery
 * accepts, so a statement this rejects BigQuery rejects too), external product mode (BigQuery's type names:
 * {@code FLOAT64}, no {@code DOUBLE}), {@code QUALIFY} reserved as BigQuery reserves it, and BigQuery's aliases of
 * {@code INT64} ({@code INTEGER}, {@code BIGINT}, ...), which ZetaSQL leaves to the engine's catalog.
 *
 * <p>Names: a table is registered under nested catalogs, one per part, so {@code `p`.`d`.`t`} (one backtick pair per
 * part, as Quarry writes them) and {@code p.d.t} both resolve. Tables of the default project also resolve as
 * {@code d.t}, as in a BigQuery job running in that project; a path of two parts names a table of the default project.
 *
 * <p>Not thread-safe. The catalog is registered with the local service before an analysis and re-registered after a
 * change, so analyses cost a few milliseconds each; the first analyzer of a JVM starts the service (about 2 s).
 */
public final class BigQueryAnalyzer {

    /** BigQuery's aliases of INT64 (GoogleSQL data types, "SQL aliases"); ZetaSQL knows DECIMAL and BOOLEAN itself. */
    private static final List<String> INT64_ALIASES = List.of("int", "smallint", "integer", "bigint", "tinyint",
            "byteint");

    private final String defaultProject;
    private final AnalyzerOptions options = new AnalyzerOptions();
    private final SimpleCatalog root = new SimpleCatalog("bigquery");

    private BigQueryAnalyzer(String defaultProject) {
        this.defaultProject = Objects.requireNonNull(defaultProject, "a default project");
        LanguageOptions language = new LanguageOptions();
        language.enableMaximumLanguageFeatures();
        language.setSupportsAllStatementKinds();
        language.setProductMode(ProductMode.PRODUCT_EXTERNAL);
        language.enableReservableKeyword("QUALIFY");
        options.setLanguageOptions(language);
        options.setErrorMessageMode(ErrorMessageMode.ERROR_MESSAGE_MULTI_LINE_WITH_CARET);
        root.addZetaSQLFunctionsAndTypes(new ZetaSQLBuiltinFunctionOptions(language));
        Type int64 = TypeFactory.createSimpleType(TypeKind.TYPE_INT64);
        INT64_ALIASES.forEach(alias -> root.addType(alias, int64));
    }

    /**
     * An analyzer with an empty catalog.
     *
     * @param defaultProject the project a BigQuery job would run in: its tables also resolve without the project
     */
    public static BigQueryAnalyzer create(String defaultProject) {
        return new BigQueryAnalyzer(defaultProject);
    }

    /** Registers a table by its dotted path: {@code project.dataset.table}, or {@code dataset.table}. */
    public void addTable(String path, List<TypedColumn> columns) {
        addTable(List.of(path.split("\\.")), columns);
    }

    /**
     * Registers a table.
     *
     * @param path {@code [project, dataset, table]}, or {@code [dataset, table]} for the default project
     * @throws IllegalArgumentException when the path has another length or the table is registered already
     */
    public void addTable(List<String> path, List<TypedColumn> columns) {
        if (path.size() != 2 && path.size() != 3) {
            throw new IllegalArgumentException("a BigQuery table is project.dataset.table or dataset.table: " + path);
        }
        String project = path.size() == 3 ? path.get(0) : defaultProject;
        String dataset = path.get(path.size() - 2);
        String name = path.get(path.size() - 1);
        unregister();
        SimpleCatalog datasetCatalog = child(child(root, project), dataset);
        if (project.equalsIgnoreCase(defaultProject) && root.getCatalog(dataset, null) == null) {
            root.addSimpleCatalog(datasetCatalog);
        }
        if (datasetCatalog.getTable(name, null) != null) {
            throw new IllegalArgumentException("registered twice: " + project + "." + dataset + "." + name);
        }
        SimpleTable table = new SimpleTable(name);
        for (TypedColumn column : columns) {
            table.addSimpleColumn(new SimpleColumn(name, column.name(), column.type()));
        }
        datasetCatalog.addSimpleTable(table);
    }

    /**
     * Analyzes a query and returns its output columns. An unnamed expression gets ZetaSQL's name for it
     * ({@code $col2}), which starts with {@code $}.
     *
     * @throws BigQueryAnalysisException when ZetaSQL rejects it
     * @throws IllegalArgumentException when it is another kind of statement
     */
    public List<TypedColumn> analyzeQuery(String sql) {
        ResolvedStatement statement = analyzeStatement(sql);
        if (!(statement instanceof ResolvedQueryStmt query)) {
            throw new IllegalArgumentException("not a query but a " + statement.nodeKindString() + ":\n" + sql);
        }
        List<TypedColumn> columns = new ArrayList<>();
        query.getOutputColumnList().forEach(output -> columns.add(
                new TypedColumn(output.getName(), output.getColumn().getType())));
        return columns;
    }

    /**
     * Analyzes any statement BigQuery runs: a query, DDL ({@code CREATE TABLE ... PARTITION BY ... CLUSTER BY ...
     * OPTIONS(...) AS SELECT}, {@code CREATE OR REPLACE VIEW}, {@code ALTER TABLE}, {@code DROP}) or DML
     * ({@code INSERT}, {@code MERGE}, {@code DELETE}, {@code UPDATE}). Names it reads must be in the catalog; the
     * table a {@code CREATE} creates need not be.
     *
     * @return ZetaSQL's resolved statement, to look into further
     * @throws BigQueryAnalysisException when ZetaSQL rejects it
     */
    public ResolvedStatement analyzeStatement(String sql) {
        if (!root.isRegistered()) {
            root.register();
        }
        try {
            return Analyzer.analyzeStatement(sql, options, root);
        } catch (SqlException rejected) {
            throw new BigQueryAnalysisException(rejected.getMessage(), sql, rejected);
        }
    }

    /**
     * The type a BigQuery type name means ({@code int64}, {@code numeric(10, 2)}, {@code array<struct<a string>>});
     * parameters such as a precision are checked and dropped.
     *
     * @throws BigQueryAnalysisException when BigQuery has no such type
     */
    public Type type(String bigQueryType) {
        // A column definition, not CAST(NULL AS ...): the Java client cannot read back every type's NULL literal.
        ResolvedCreateTableStmt probe = (ResolvedCreateTableStmt) analyzeStatement(
                "create table quarry_type_probe (probe " + bigQueryType + ")");
        return probe.getColumnDefinitionList().get(0).getType();
    }

    /** A column of the type a BigQuery type name means; see {@link #type(String)}. */
    public TypedColumn column(String name, String bigQueryType) {
        return new TypedColumn(name, type(bigQueryType));
    }

    private static SimpleCatalog child(SimpleCatalog parent, String name) {
        SimpleCatalog existing = parent.getCatalog(name.toLowerCase(Locale.ROOT), null);
        return existing != null ? existing : parent.addNewSimpleCatalog(name);
    }

    private void unregister() {
        if (root.isRegistered()) {
            root.unregister();
        }
    }
}
