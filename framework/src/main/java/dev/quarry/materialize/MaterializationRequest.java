package dev.quarry.materialize;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.compile.ManifestNode;
import dev.quarry.template.Relation;

/**
 * Everything planning a model's build needs, as data: planning never asks the engine.
 *
 * @param node          the compiled model: {@link ManifestNode#relation()} is the target,
 *                      {@link ManifestNode#compiledCode()} the SELECT, {@link ManifestNode#config()} the settings
 * @param dialect       how the target engine writes each statement
 * @param existing      what the warehouse holds before the build
 * @param fullRefresh   {@code --full-refresh}: incremental models are rebuilt as tables (the model's
 *                      {@code full_refresh} config, when set, wins)
 * @param preHooks      rendered SQL run before the build
 * @param postHooks     rendered SQL run after it
 * @param stagedColumns for the second step of an incremental build: the columns of the staged new rows
 */
public record MaterializationRequest(ManifestNode node, EngineDialect dialect, ExistingRelations existing,
        boolean fullRefresh, List<String> preHooks, List<String> postHooks,
        Optional<List<ColumnInfo>> stagedColumns) {

    /** Appended to the target's identifier for the relation a build writes before the swap. */
    public static final String TEMPORARY_SUFFIX = "__quarry_tmp";
    /** Appended to the target's identifier for the old relation during the swap. */
    public static final String BACKUP_SUFFIX = "__quarry_backup";

    public MaterializationRequest {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(existing, "existing");
        preHooks = List.copyOf(preHooks);
        postHooks = List.copyOf(postHooks);
        stagedColumns = stagedColumns.map(List::copyOf);
    }

    /** A request without hooks, before anything is staged. */
    public static MaterializationRequest of(ManifestNode node, EngineDialect dialect, ExistingRelations existing,
            boolean fullRefresh) {
        return new MaterializationRequest(node, dialect, existing, fullRefresh, List.of(), List.of(),
                Optional.empty());
    }

    /** The same request with these rendered hooks. */
    public MaterializationRequest withHooks(List<String> pre, List<String> post) {
        return new MaterializationRequest(node, dialect, existing, fullRefresh, pre, post, stagedColumns);
    }

    /** The same request once the new rows are staged: planning it gives the apply step. */
    public MaterializationRequest withStagedColumns(List<ColumnInfo> columns) {
        return new MaterializationRequest(node, dialect, existing, fullRefresh, preHooks, postHooks,
                Optional.of(columns));
    }

    /** The model's relation. */
    public Relation target() {
        return node.relation();
    }

    /** {@code <identifier>__quarry_tmp} beside the target. */
    public Relation temporary() {
        return dialect.withIdentifier(target(), target().identifier() + TEMPORARY_SUFFIX);
    }

    /** {@code <identifier>__quarry_backup} beside the target. */
    public Relation backup() {
        return dialect.withIdentifier(target(), target().identifier() + BACKUP_SUFFIX);
    }
}
