package dev.quarry.materialize;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.compile.ManifestNode;
import dev.quarry.materialize.PlannedStatement.Kind;
import dev.quarry.template.Relation;

/**
 * {@code materialized: incremental}. When the table exists (and no full refresh is asked), planning takes two pure
 * steps: the first stages the new rows in {@code <identifier>__quarry_tmp}; the second, given the staged columns,
 * applies the schema change policy, writes the rows with the strategy and drops the staged table. Otherwise (no
 * table yet, a view in its place, or a full refresh: {@code --full-refresh}, unless the model's {@code full_refresh}
 * config says otherwise) the model is built as a table.
 */
public final class IncrementalMaterialization implements Materialization {

    @Override
    public MaterializationPlan plan(MaterializationRequest request) {
        ManifestNode node = request.node();
        IncrementalStrategy strategy = IncrementalStrategy.of(node, request.dialect());
        OnSchemaChange policy = OnSchemaChange.of(node);
        if (rebuildsTable(request)) {
            return new TableMaterialization().plan(request);
        }
        if (request.stagedColumns().isEmpty()) {
            return stage(request, strategy);
        }
        return apply(request, strategy, policy, request.stagedColumns().get());
    }

    private static boolean rebuildsTable(MaterializationRequest request) {
        // full_refresh in the model's config wins over --full-refresh, both ways, as in dbt.
        boolean fullRefresh = ModelConfig.of(request.node()).fullRefresh().orElse(request.fullRefresh());
        return fullRefresh || !request.existing().targetIs(RelationType.TABLE);
    }

    /** Runs the pre-hooks, drops leftovers and stages the new rows. */
    private static MaterializationPlan stage(MaterializationRequest request, IncrementalStrategy strategy) {
        PlanBuilder plan = new PlanBuilder().hooks(request.preHooks());
        Replacement.dropLeftoverTemporary(request, plan);
        Replacement.dropLeftoverBackup(request, plan);
        plan.add(Kind.STAGE, request.dialect().createTableAs(request.temporary(), request.node().compiledCode()));
        return plan.buildStaging(request.temporary(), Replacement.onFailure(request, RelationType.TABLE),
                strategy.summary());
    }

    /** Changes the table's columns, writes the staged rows, drops the staged table and runs the post-hooks. */
    private static MaterializationPlan apply(MaterializationRequest request, IncrementalStrategy strategy,
            OnSchemaChange policy, List<ColumnInfo> staged) {
        ManifestNode node = request.node();
        EngineDialect dialect = request.dialect();
        Relation target = request.target();
        RelationInfo table = request.existing().target().orElseThrow();
        SchemaChange change = SchemaChange.between(table.columns(), staged);
        checkSchemaChange(node, target, policy, change);
        List<String> columns = change.columnsToWrite(policy);
        List<String> uniqueKey = strategy.needsUniqueKey()
                ? uniqueKey(node, target, ModelConfig.of(node).uniqueKey(), staged, columns)
                : List.of();
        PlanBuilder plan = new PlanBuilder();
        if (policy.addsColumns()) {
            change.added().forEach(column -> plan.addUndoable(Kind.SCHEMA_CHANGE, dialect.addColumn(target, column),
                    dialect.dropColumn(target, column.name())));
        }
        write(request, strategy, uniqueKey, columns, plan);
        if (policy.dropsColumns()) {
            // After the write: until then, dropping the added columns undoes everything.
            change.removed().forEach(column -> plan.add(Kind.SCHEMA_CHANGE,
                    dialect.dropColumn(target, column.name())));
        }
        plan.add(Kind.CLEANUP, dialect.dropIfExists(request.temporary(), RelationType.TABLE));
        if (!dialect.replacesRelationsAtomically()) {
            // Descriptions changed since the table was built reach it (a statement each, instant there; on BigQuery
            // each would be a DDL job, so they are set when the table is built).
            Layout.describe(request, RelationType.TABLE, Layout.of(request), plan);
        }
        return plan.hooks(request.postHooks())
                .build(Replacement.onFailure(request, RelationType.TABLE), strategy.summary());
    }

    private static void write(MaterializationRequest request, IncrementalStrategy strategy, List<String> uniqueKey,
            List<String> columns, PlanBuilder plan) {
        EngineDialect dialect = request.dialect();
        Relation target = request.target();
        Relation staged = request.temporary();
        switch (strategy) {
            case MERGE -> plan.add(Kind.WRITE, dialect.merge(target, staged, uniqueKey, columns));
            case DELETE_INSERT -> plan
                    .addUndoable(Kind.BEGIN, dialect.beginTransaction(),
                            dialect.rollback())
                    .add(Kind.DELETE, dialect.deleteMatching(target, staged, uniqueKey))
                    .add(Kind.WRITE, dialect.insertInto(target, columns, staged))
                    .add(Kind.COMMIT, dialect.commit());
            case APPEND -> plan.add(Kind.WRITE, dialect.insertInto(target, columns, staged));
            case INSERT_OVERWRITE -> plan.add(Kind.WRITE, dialect.insertOverwrite(target, staged, columns,
                    Layout.of(request).partitionBy().orElseThrow(), partitions(request.node())));
        }
    }

    /** The {@code partitions} config: the partitions insert_overwrite replaces, as SQL literals. */
    private static List<String> partitions(ManifestNode node) {
        return node.config().get("partitions") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
    }

    private static void checkSchemaChange(ManifestNode node, Relation target, OnSchemaChange policy,
            SchemaChange change) {
        if (policy == OnSchemaChange.FAIL && !change.isEmpty()) {
            throw MaterializationException.invalid(node,
                    "the model's columns differ from those of " + target.rendered() + " (" + change.describe()
                            + ") and on_schema_change is 'fail'",
                    "run with --full-refresh to rebuild the table, or set on_schema_change to "
                            + "'append_new_columns' or 'sync_all_columns'");
        }
        if (change.columnsToWrite(policy).isEmpty()) {
            throw MaterializationException.invalid(node,
                    "none of the model's columns are columns of " + target.rendered() + " (" + change.describe()
                            + ")",
                    "run with --full-refresh to rebuild the table");
        }
    }

    /** The unique key's columns in the table's spelling; each must be selected by the model and written. */
    private static List<String> uniqueKey(ManifestNode node, Relation target, List<String> configured,
            List<ColumnInfo> staged, List<String> columns) {
        List<String> resolved = new ArrayList<>();
        for (String key : configured) {
            if (SchemaChange.find(staged, key).isEmpty()) {
                throw MaterializationException.invalid(node,
                        "unique_key column '" + key + "' is not a column of the model (it selects "
                                + staged.stream().map(ColumnInfo::name).collect(Collectors.joining(", ")) + ")",
                        "select the column in the model, or change unique_key to the columns that identify a row");
            }
            String written = columns.stream().filter(column -> column.equalsIgnoreCase(key)).findFirst()
                    .orElseThrow(() -> MaterializationException.invalid(node,
                            "unique_key column '" + key + "' is not a column of " + target.rendered(),
                            "run with --full-refresh to rebuild the table, or set on_schema_change to "
                                    + "'append_new_columns'"));
            resolved.add(written);
        }
        return resolved;
    }

    @Override
    public Optional<RelationType> relationType() {
        return Optional.of(RelationType.TABLE);
    }
}
