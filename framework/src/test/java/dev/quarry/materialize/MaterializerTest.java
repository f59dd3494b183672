package dev.quarry.materialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.EngineException;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.h2.H2Dialect;
import dev.quarry.compile.ManifestNode;
import dev.quarry.template.Relation;

/**
 * How the runner executes plans, on a fake session that fails chosen statements: the order of statements, the
 * rows reported, and what it runs to leave the previous relation as it was when a statement fails.
 */
class MaterializerTest {

    private static final EngineDialect H2 = new H2Dialect();
    private static final String CREATE_TEMPORARY = """
            create table "analytics"."orders__quarry_tmp" as
            select id, amount from raw.orders""";
    private static final String DROP_TEMPORARY = "drop table if exists \"analytics\".\"orders__quarry_tmp\"";
    private static final String TARGET_TO_BACKUP =
            "alter table \"analytics\".\"orders\" rename to \"orders__quarry_backup\"";
    private static final String BACKUP_TO_TARGET =
            "alter table \"analytics\".\"orders__quarry_backup\" rename to \"orders\"";
    private static final String TEMPORARY_TO_TARGET =
            "alter table \"analytics\".\"orders__quarry_tmp\" rename to \"orders\"";
    private static final String TARGET_TO_TEMPORARY =
            "alter table \"analytics\".\"orders\" rename to \"orders__quarry_tmp\"";
    private static final String DROP_BACKUP = "drop table if exists \"analytics\".\"orders__quarry_backup\"";
    private static final List<ColumnInfo> COLUMNS = List.of(new ColumnInfo("id", "INTEGER"),
            new ColumnInfo("amount", "INTEGER"));

    private final Materializer materializer = new Materializer();
    private final ScriptedSession session = new ScriptedSession();

    private static ManifestNode orders(String materialized, Object... config) {
        return TestModels.model(H2, null, "analytics", "orders", materialized, "select id, amount from raw.orders",
                config);
    }

    private static Relation relation(String identifier) {
        return H2.withIdentifier(orders("table").relation(), identifier);
    }

    private ScriptedSession withOrdersTable() {
        return session.with(relation("orders"), new RelationInfo(RelationType.TABLE, COLUMNS));
    }

    private MaterializationResult build(ManifestNode node) {
        return materializer.build(session, H2, node, false, List.of(), List.of());
    }

    @Test
    void describesTheTargetAndLeftoversThenRunsThePlanInOrder() {
        withOrdersTable();

        MaterializationResult result = build(orders("table"));

        assertThat(session.described()).containsExactly("\"analytics\".\"orders\"",
                "\"analytics\".\"orders__quarry_tmp\"", "\"analytics\".\"orders__quarry_backup\"");
        assertThat(result.statements()).containsExactly(CREATE_TEMPORARY, TARGET_TO_BACKUP, TEMPORARY_TO_TARGET,
                DROP_BACKUP);
        assertThat(session.executed()).isEqualTo(result.statements());
        assertThat(result.rowsAffected()).hasValue(3);
        assertThat(result.summary()).isEqualTo("created table");
    }

    @Test
    void aRecordOfTheWarehouseSparesTheDescribes() {
        Map<String, RelationType> known = Map.of("\"analytics\".\"orders\"", RelationType.VIEW,
                "\"analytics\".\"orders__quarry_backup\"", RelationType.VIEW);
        RelationTypes types = relation -> Optional.ofNullable(known.get(relation.rendered()));

        ExistingRelations existing = materializer.existing(session, H2, orders("table"), types);

        assertThat(session.described()).isEmpty();
        assertThat(existing).isEqualTo(new ExistingRelations(
                Optional.of(new RelationInfo(RelationType.VIEW, List.of())), Optional.empty(),
                Optional.of(RelationType.VIEW)));
    }

    @Test
    void anIncrementalModelsTableIsDescribedForItsColumns() {
        withOrdersTable();

        ExistingRelations existing = materializer.existing(session, H2, orders("incremental"),
                relation -> Optional.empty());

        assertThat(session.described()).containsExactly("\"analytics\".\"orders\"");
        assertThat(existing.target()).contains(new RelationInfo(RelationType.TABLE, COLUMNS));
    }

    @Test
    void theResultSaysWhatTheRelationIsNow() {
        assertThat(build(orders("view")).relationType()).contains(RelationType.VIEW);
        assertThat(build(orders("table")).relationType()).contains(RelationType.TABLE);
        assertThat(build(orders("incremental")).relationType()).contains(RelationType.TABLE);
        assertThat(build(orders("ephemeral")).relationType()).isEmpty();
    }

    @Test
    void anEphemeralModelDescribesAndRunsNothing() {
        MaterializationResult result = materializer.build(session, H2, orders("ephemeral"), false,
                List.of("select 1"), List.of());

        assertThat(session.described()).isEmpty();
        assertThat(result.statements()).isEmpty();
        assertThat(result.rowsAffected()).isEmpty();
    }

    @Test
    void aViewReportsNoRows() {
        MaterializationResult result = build(orders("view"));

        assertThat(result.rowsAffected()).isEmpty();
        assertThat(result.summary()).isEqualTo("created view");
    }

    @Test
    void aFailedSwapRenamesTheOldTableBackAndDropsTheNewOne() {
        withOrdersTable().failing(TEMPORARY_TO_TARGET::equals);

        assertThatThrownBy(() -> build(orders("table")))
                .isInstanceOfSatisfying(MaterializationException.class, failure -> {
                    assertThat(failure.getMessage()).isEqualTo("models/orders.sql: error: boom: "
                            + TEMPORARY_TO_TARGET);
                    assertThat(failure.getCause()).isInstanceOf(EngineException.class);
                    assertThat(failure.statements()).isEqualTo(session.executed());
                });
        assertThat(session.executed()).containsExactly(CREATE_TEMPORARY, TARGET_TO_BACKUP, TEMPORARY_TO_TARGET,
                BACKUP_TO_TARGET, DROP_TEMPORARY);
    }

    @Test
    void aBackupThatCannotBeDroppedUndoesTheWholeSwap() {
        // What H2 does when a view selects from the model: the view follows the renamed table to the backup.
        withOrdersTable().failing(DROP_BACKUP::equals);

        assertThatThrownBy(() -> build(orders("table"))).isInstanceOf(MaterializationException.class);

        assertThat(session.executed()).containsExactly(CREATE_TEMPORARY, TARGET_TO_BACKUP, TEMPORARY_TO_TARGET,
                DROP_BACKUP, TARGET_TO_TEMPORARY, BACKUP_TO_TARGET, DROP_TEMPORARY);
    }

    @Test
    void aFailedPostHookLeavesTheNewTable() {
        withOrdersTable().failing("insert into audit values (1)"::equals);

        assertThatThrownBy(() -> materializer.build(session, H2, orders("table"), false, List.of(),
                List.of("insert into audit values (1)"))).isInstanceOf(MaterializationException.class);

        assertThat(session.executed()).containsExactly(CREATE_TEMPORARY, TARGET_TO_BACKUP, TEMPORARY_TO_TARGET,
                DROP_BACKUP, "insert into audit values (1)", DROP_TEMPORARY);
    }

    @Test
    void aFailureWhileRecoveringIsAttachedToTheFailureNotThrown() {
        withOrdersTable().failing(sql -> sql.equals(TEMPORARY_TO_TARGET) || sql.equals(BACKUP_TO_TARGET));

        assertThatThrownBy(() -> build(orders("table")))
                .isInstanceOfSatisfying(MaterializationException.class, failure -> assertThat(
                        failure.getCause().getSuppressed()).singleElement()
                        .satisfies(suppressed -> assertThat(suppressed).hasMessage("boom: " + BACKUP_TO_TARGET)));
        assertThat(session.executed()).endsWith(BACKUP_TO_TARGET, DROP_TEMPORARY);
    }

    @Test
    void anIncrementalModelIsStagedDescribedThenApplied() {
        withOrdersTable().with(relation("orders__quarry_tmp"), new RelationInfo(RelationType.TABLE, COLUMNS))
                .reportingRows(7);

        MaterializationResult result = build(orders("incremental", "unique_key", List.of("id")));

        assertThat(session.described()).endsWith("\"analytics\".\"orders__quarry_tmp\"");
        assertThat(result.statements()).hasSize(4);
        assertThat(result.statements().get(0)).isEqualTo("drop table if exists \"analytics\".\"orders__quarry_tmp\"");
        assertThat(result.statements().get(1)).isEqualTo(CREATE_TEMPORARY);
        assertThat(result.statements().get(2)).startsWith("merge into \"analytics\".\"orders\"");
        assertThat(result.statements().get(3)).isEqualTo(DROP_TEMPORARY);
        assertThat(result.rowsAffected()).hasValue(7);
        assertThat(result.summary()).isEqualTo("merged into table");
    }

    @Test
    void aFailedMergeDropsTheAddedColumnsThenTheStagedTable() {
        List<ColumnInfo> staged = List.of(COLUMNS.get(0), COLUMNS.get(1), new ColumnInfo("status", "VARCHAR"),
                new ColumnInfo("note", "VARCHAR"));
        withOrdersTable().failing(sql -> sql.startsWith("merge"));

        assertThatThrownBy(() -> runStaged(request("incremental", "unique_key", List.of("id"),
                "on_schema_change", "append_new_columns"), staged)).isInstanceOf(MaterializationException.class);

        assertThat(session.executed()).containsExactly(CREATE_TEMPORARY,
                "alter table \"analytics\".\"orders\" add column \"status\" VARCHAR",
                "alter table \"analytics\".\"orders\" add column \"note\" VARCHAR",
                session.executed().get(3),
                "alter table \"analytics\".\"orders\" drop column \"note\"",
                "alter table \"analytics\".\"orders\" drop column \"status\"",
                DROP_TEMPORARY);
    }

    @Test
    void aFailedInsertOfDeleteInsertIsRolledBack() {
        withOrdersTable().failing(sql -> sql.startsWith("insert"));

        assertThatThrownBy(() -> runStaged(request("incremental", "unique_key", List.of("id"),
                "incremental_strategy", "delete+insert"), COLUMNS)).isInstanceOf(MaterializationException.class);

        assertThat(session.executed()).hasSize(6);
        assertThat(session.executed().get(1)).isEqualTo("begin transaction");
        assertThat(session.executed().get(2)).startsWith("delete from");
        assertThat(session.executed().subList(4, 6)).containsExactly("rollback", DROP_TEMPORARY);
    }

    @Test
    void aFailureAfterTheRowsAreWrittenUndoesNothing() {
        List<ColumnInfo> staged = List.of(COLUMNS.get(0), new ColumnInfo("status", "VARCHAR"));
        withOrdersTable().failing(sql -> sql.contains("drop column \"amount\""));

        assertThatThrownBy(() -> runStaged(request("incremental", "on_schema_change",
                "sync_all_columns"), staged)).isInstanceOf(MaterializationException.class);

        assertThat(session.executed()).endsWith("alter table \"analytics\".\"orders\" drop column \"amount\"",
                DROP_TEMPORARY);
        assertThat(session.executed()).noneMatch(sql -> sql.contains("drop column \"status\""));
    }

    @Test
    void anApplyStepThatCannotBePlannedDropsTheStagedTable() {
        withOrdersTable().with(relation("orders__quarry_tmp"), new RelationInfo(RelationType.TABLE, COLUMNS));

        assertThatThrownBy(() -> build(orders("incremental", "unique_key", List.of("order_id"))))
                .isInstanceOfSatisfying(MaterializationException.class, failure -> {
                    assertThat(failure.problem()).startsWith("unique_key column 'order_id' is not a column");
                    assertThat(failure.statements()).isEqualTo(session.executed());
                });
        assertThat(session.executed()).containsExactly(
                "drop table if exists \"analytics\".\"orders__quarry_tmp\"", CREATE_TEMPORARY, DROP_TEMPORARY);
    }

    @Test
    void aStagedRelationThatCannotBeFoundIsAnEngineFailure() {
        withOrdersTable();

        assertThatThrownBy(() -> build(orders("incremental")))
                .hasMessage("models/orders.sql: error: \"analytics\".\"orders__quarry_tmp\" was created but cannot "
                        + "be found");
        assertThat(session.executed()).endsWith(CREATE_TEMPORARY, DROP_TEMPORARY);
    }

    @Test
    void aFailedDescribeNamesTheModel() {
        session.failingDescribes("connection lost");

        assertThatThrownBy(() -> materializer.build(session, H2, orders("table"), false, List.of(), List.of()))
                .isInstanceOf(MaterializationException.class)
                .hasMessage("models/orders.sql: error: connection lost");
    }

    @Test
    void aConfigurationThatCannotBeBuiltRunsNothing() {
        withOrdersTable();

        assertThatThrownBy(() -> build(orders("incremental", "incremental_strategy", "merge")))
                .isInstanceOfSatisfying(MaterializationException.class,
                        failure -> assertThat(failure.statements()).isEmpty());
        assertThat(session.executed()).isEmpty();
    }

    /** A request for the model over the existing orders table. */
    private static MaterializationRequest request(String materialized, Object... config) {
        return MaterializationRequest.of(orders(materialized, config), H2,
                ExistingRelations.of(new RelationInfo(RelationType.TABLE, COLUMNS)), false);
    }

    /** Runs the request; the staged table has these columns. */
    private MaterializationResult runStaged(MaterializationRequest request, List<ColumnInfo> staged) {
        session.with(relation("orders__quarry_tmp"), new RelationInfo(RelationType.TABLE, staged));
        return materializer.run(session, request);
    }
}
