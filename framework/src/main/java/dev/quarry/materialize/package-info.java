/**
 * Materializations: what statements build a model's relation. One strategy per materialization
 * ({@link dev.quarry.materialize.ViewMaterialization}, {@link dev.quarry.materialize.TableMaterialization},
 * {@link dev.quarry.materialize.IncrementalMaterialization}, {@link dev.quarry.materialize.EphemeralMaterialization})
 * decides <em>what</em> to do; the {@link dev.quarry.adapter.EngineDialect} says <em>how</em> each statement is
 * written.
 *
 * <h2>Pure planning, then a small runner</h2>
 * {@link dev.quarry.materialize.Materialization#plan} turns a
 * {@link dev.quarry.materialize.MaterializationRequest} (the node, the dialect, the warehouse's
 * {@link dev.quarry.materialize.ExistingRelations}, full refresh, rendered hooks) into a
 * {@link dev.quarry.materialize.MaterializationPlan}: statements, each with the statement that undoes it where one
 * exists, and what to drop when the build fails. Planning never touches an engine, so plans are checked as exact
 * text per engine. Incremental models plan in two pure steps: stage the new rows, then, given the staged relation's
 * columns, apply them. {@link dev.quarry.materialize.Materializer} runs plans on an
 * {@link dev.quarry.adapter.EngineSession}, describing the staged relation between the two steps. It learns what
 * exists through {@link dev.quarry.materialize.RelationTypes}: one describe per relation by default, or a
 * scheduler's record of the warehouse, listed once per run.
 *
 * <h2>Atomic replacement</h2>
 * A failed or interrupted build never leaves a model's relation missing or half-written. A table (and a view that
 * replaces a table) is built as {@code <identifier>__quarry_tmp}, then swapped in: the old relation is renamed to
 * {@code <identifier>__quarry_backup}, the temporary one to the target name, and the backup is dropped. Leftovers of
 * an interrupted run are dropped first (a leftover backup only once the new relation is complete, since it may be the
 * only copy). A view that replaces a view, or nothing, is one {@code create or replace view}. When a statement
 * fails, the runner rolls back an open transaction, undoes the statements already run (in reverse) and drops the
 * temporary relation, so the previous version stays as it was. Once the build has taken effect (the backup dropped,
 * the rows written or committed), a later failure (a post-hook, dropping a removed column) undoes nothing: the
 * model fails, and its new relation stays.
 *
 * <h2>Incremental models</h2>
 * The new rows are staged in {@code <identifier>__quarry_tmp}; then new columns are added
 * ({@code append_new_columns}, {@code sync_all_columns}), the rows are merged, deleted and inserted (in one
 * transaction) or appended, removed columns are dropped ({@code sync_all_columns}, after the rows are written, so a
 * failed write can be undone by dropping the added columns), and the staged table is dropped. A missing target, a
 * view in its place, or {@code --full-refresh} (the model's {@code full_refresh} config wins when set) builds a
 * table.
 *
 * <h2>Errors</h2>
 * A configuration that cannot be built (an unsupported strategy, a missing {@code unique_key}, a changed schema
 * under {@code on_schema_change: fail}) and an engine failure both throw
 * {@link dev.quarry.materialize.MaterializationException}, whose message names the model file and whose hint says
 * what to do; it carries the statements executed so far for {@code target/run/<model path>.sql}.
 *
 * <h2>What sessions must do</h2>
 * Sessions run in auto-commit mode: the plans open and close their own transactions. Schemas are created by the
 * caller before the first model of a schema is built.
 */
package dev.quarry.materialize;
