package dev.quarry.materialize;

import static dev.quarry.materialize.PlanScenario.DUCKDB;
import static dev.quarry.materialize.PlanScenario.H2;
import static dev.quarry.materialize.PlanScenario.ORDERS_COLUMNS;
import static dev.quarry.materialize.PlanScenario.ORDERS_TABLE;
import static dev.quarry.materialize.PlanScenario.ORDERS_VIEW;
import static dev.quarry.materialize.PlanScenario.assertScripts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.RelationType;

/**
 * The exact statements incremental models plan on DuckDB and H2: the stage step, then ({@code -- apply}) the apply
 * step given the staged columns.
 */
class IncrementalPlanTest {

    /** The model now selects {@code ID} (another case), a new {@code status}, and no longer {@code amount}. */
    private static final List<ColumnInfo> CHANGED_COLUMNS = List.of(new ColumnInfo("ID", "INTEGER"),
            new ColumnInfo("status", "VARCHAR"), new ColumnInfo("note", "VARCHAR(20)"));

    private static PlanScenario incremental(Object... config) {
        return PlanScenario.of("incremental", ExistingRelations.of(ORDERS_TABLE), config);
    }

    @Test
    void theFirstRunBuildsATable() {
        PlanScenario scenario = PlanScenario.of("incremental", ExistingRelations.none(), "unique_key", List.of("id"));

        assertScripts(scenario::script, """
                create table "warehouse"."analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                alter table "warehouse"."analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter table "warehouse"."analytics"."orders" rename to "orders__quarry_tmp"
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                create table "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                alter table "analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter table "analytics"."orders" rename to "orders__quarry_tmp"
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
        assertThat(scenario.plan(DUCKDB).summary()).isEqualTo("created table");
    }

    @Test
    void mergeOnTheUniqueKeyIsTheDefaultWhenThereIsOne() {
        PlanScenario scenario = incremental("unique_key", List.of("id"))
                .withHooks(List.of("select 'pre'"), List.of("select 'post'"));

        assertScripts(dialect -> scenario.incrementalScript(dialect, ORDERS_COLUMNS), """
                select 'pre';
                create table "warehouse"."analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                -- then describe "warehouse"."analytics"."orders__quarry_tmp"
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                -- apply
                merge into "warehouse"."analytics"."orders" as target
                using "warehouse"."analytics"."orders__quarry_tmp" as source
                on target."id" = source."id"
                when matched then update set "amount" = source."amount"
                when not matched then insert ("id", "amount") values (source."id", source."amount");
                drop table if exists "warehouse"."analytics"."orders__quarry_tmp";
                select 'post';
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                select 'pre';
                create table "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                -- then describe "analytics"."orders__quarry_tmp"
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                -- apply
                merge into "analytics"."orders" as target
                using "analytics"."orders__quarry_tmp" as source
                on target."id" = source."id"
                when matched then update set "amount" = source."amount"
                when not matched then insert ("id", "amount") values (source."id", source."amount");
                drop table if exists "analytics"."orders__quarry_tmp";
                select 'post';
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
        assertThat(scenario.plan(H2).summary()).isEqualTo("merged into table");
    }

    @Test
    void deleteInsertOnACompositeKeyRunsInOneTransaction() {
        PlanScenario scenario = incremental("unique_key", List.of("id", "amount"),
                "incremental_strategy", "delete+insert");

        assertScripts(dialect -> scenario.incrementalScript(dialect, ORDERS_COLUMNS), """
                create table "warehouse"."analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                -- then describe "warehouse"."analytics"."orders__quarry_tmp"
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                -- apply
                begin transaction;
                -- undo: rollback
                delete from "warehouse"."analytics"."orders" as target
                where exists (select 1 from "warehouse"."analytics"."orders__quarry_tmp" as source \
                where target."id" = source."id" and target."amount" = source."amount");
                insert into "warehouse"."analytics"."orders" ("id", "amount")
                select "id", "amount" from "warehouse"."analytics"."orders__quarry_tmp";
                commit;
                drop table if exists "warehouse"."analytics"."orders__quarry_tmp";
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                create table "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                -- then describe "analytics"."orders__quarry_tmp"
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                -- apply
                begin transaction;
                -- undo: rollback
                delete from "analytics"."orders" as target
                where exists (select 1 from "analytics"."orders__quarry_tmp" as source \
                where target."id" = source."id" and target."amount" = source."amount");
                insert into "analytics"."orders" ("id", "amount")
                select "id", "amount" from "analytics"."orders__quarry_tmp";
                commit;
                drop table if exists "analytics"."orders__quarry_tmp";
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
        assertThat(scenario.plan(DUCKDB).summary()).isEqualTo("deleted and inserted into table");
    }

    @Test
    void appendIsTheDefaultWithoutAUniqueKeyAndDropsLeftoversFirst() {
        PlanScenario scenario = PlanScenario.of("incremental", new ExistingRelations(Optional.of(ORDERS_TABLE),
                Optional.of(RelationType.TABLE), Optional.of(RelationType.VIEW)));

        assertScripts(dialect -> scenario.incrementalScript(dialect, ORDERS_COLUMNS), """
                drop table if exists "warehouse"."analytics"."orders__quarry_tmp";
                drop view if exists "warehouse"."analytics"."orders__quarry_backup";
                create table "warehouse"."analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                -- then describe "warehouse"."analytics"."orders__quarry_tmp"
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                -- apply
                insert into "warehouse"."analytics"."orders" ("id", "amount")
                select "id", "amount" from "warehouse"."analytics"."orders__quarry_tmp";
                drop table if exists "warehouse"."analytics"."orders__quarry_tmp";
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                drop table if exists "analytics"."orders__quarry_tmp";
                drop view if exists "analytics"."orders__quarry_backup";
                create table "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                -- then describe "analytics"."orders__quarry_tmp"
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                -- apply
                insert into "analytics"."orders" ("id", "amount")
                select "id", "amount" from "analytics"."orders__quarry_tmp";
                drop table if exists "analytics"."orders__quarry_tmp";
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
        assertThat(scenario.plan(DUCKDB).summary()).isEqualTo("appended to table");
    }

    @Test
    void ignoreWritesOnlyTheColumnsTheTableHasInItsSpelling() {
        PlanScenario scenario = incremental("unique_key", List.of("ID"), "on_schema_change", "ignore");

        assertThat(scenario.incrementalScript(H2, CHANGED_COLUMNS)).endsWith("""
                -- apply
                merge into "analytics"."orders" as target
                using "analytics"."orders__quarry_tmp" as source
                on target."id" = source."id"
                when not matched then insert ("id") values (source."id");
                drop table if exists "analytics"."orders__quarry_tmp";
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
        assertThat(PlanScenario.of("incremental", ExistingRelations.of(ORDERS_TABLE), "unique_key", List.of("id"))
                .incrementalScript(DUCKDB, CHANGED_COLUMNS)).as("ignore is the default")
                .isEqualTo(scenario.incrementalScript(DUCKDB, CHANGED_COLUMNS));
    }

    @Test
    void appendNewColumnsAddsThemBeforeTheWriteAndDropsThemIfItFails() {
        PlanScenario scenario = incremental("unique_key", List.of("id"), "on_schema_change", "append_new_columns");

        assertScripts(dialect -> scenario.incrementalScript(dialect, CHANGED_COLUMNS).split("-- apply\n")[1], """
                alter table "warehouse"."analytics"."orders" add column "status" VARCHAR;
                -- undo: alter table "warehouse"."analytics"."orders" drop column "status"
                alter table "warehouse"."analytics"."orders" add column "note" VARCHAR(20);
                -- undo: alter table "warehouse"."analytics"."orders" drop column "note"
                merge into "warehouse"."analytics"."orders" as target
                using "warehouse"."analytics"."orders__quarry_tmp" as source
                on target."id" = source."id"
                when matched then update set "status" = source."status", "note" = source."note"
                when not matched then insert ("id", "status", "note") \
                values (source."id", source."status", source."note");
                drop table if exists "warehouse"."analytics"."orders__quarry_tmp";
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                alter table "analytics"."orders" add column "status" VARCHAR;
                -- undo: alter table "analytics"."orders" drop column "status"
                alter table "analytics"."orders" add column "note" VARCHAR(20);
                -- undo: alter table "analytics"."orders" drop column "note"
                merge into "analytics"."orders" as target
                using "analytics"."orders__quarry_tmp" as source
                on target."id" = source."id"
                when matched then update set "status" = source."status", "note" = source."note"
                when not matched then insert ("id", "status", "note") \
                values (source."id", source."status", source."note");
                drop table if exists "analytics"."orders__quarry_tmp";
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
    }

    @Test
    void syncAllColumnsAlsoDropsTheRemovedOnesOnceTheRowsAreWritten() {
        PlanScenario scenario = incremental("on_schema_change", "sync_all_columns");

        assertScripts(dialect -> scenario.incrementalScript(dialect, CHANGED_COLUMNS).split("-- apply\n")[1], """
                alter table "warehouse"."analytics"."orders" add column "status" VARCHAR;
                -- undo: alter table "warehouse"."analytics"."orders" drop column "status"
                alter table "warehouse"."analytics"."orders" add column "note" VARCHAR(20);
                -- undo: alter table "warehouse"."analytics"."orders" drop column "note"
                insert into "warehouse"."analytics"."orders" ("id", "status", "note")
                select "id", "status", "note" from "warehouse"."analytics"."orders__quarry_tmp";
                alter table "warehouse"."analytics"."orders" drop column "amount";
                drop table if exists "warehouse"."analytics"."orders__quarry_tmp";
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                alter table "analytics"."orders" add column "status" VARCHAR;
                -- undo: alter table "analytics"."orders" drop column "status"
                alter table "analytics"."orders" add column "note" VARCHAR(20);
                -- undo: alter table "analytics"."orders" drop column "note"
                insert into "analytics"."orders" ("id", "status", "note")
                select "id", "status", "note" from "analytics"."orders__quarry_tmp";
                alter table "analytics"."orders" drop column "amount";
                drop table if exists "analytics"."orders__quarry_tmp";
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
    }

    @Test
    void fullRefreshRebuildsTheTable() {
        PlanScenario scenario = incremental("unique_key", List.of("id")).withFullRefresh();

        assertScripts(scenario::script, """
                create table "warehouse"."analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                alter table "warehouse"."analytics"."orders" rename to "orders__quarry_backup";
                -- undo: alter table "warehouse"."analytics"."orders__quarry_backup" rename to "orders"
                alter table "warehouse"."analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter table "warehouse"."analytics"."orders" rename to "orders__quarry_tmp"
                drop table if exists "warehouse"."analytics"."orders__quarry_backup";
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                create table "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                alter table "analytics"."orders" rename to "orders__quarry_backup";
                -- undo: alter table "analytics"."orders__quarry_backup" rename to "orders"
                alter table "analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter table "analytics"."orders" rename to "orders__quarry_tmp"
                drop table if exists "analytics"."orders__quarry_backup";
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
    }

    @Test
    void theModelsFullRefreshConfigWinsOverTheFlagBothWays() {
        assertThat(incremental("full_refresh", false).withFullRefresh().plan(DUCKDB).staged()).isPresent();
        assertThat(incremental("full_refresh", true).plan(DUCKDB).summary()).isEqualTo("created table");
    }

    @Test
    void aViewInThePlaceOfTheTableIsReplacedByATable() {
        PlanScenario scenario = PlanScenario.of("incremental", ExistingRelations.of(ORDERS_VIEW));

        assertThat(scenario.script(H2)).isEqualTo("""
                create table "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                alter view "analytics"."orders" rename to "orders__quarry_backup";
                -- undo: alter view "analytics"."orders__quarry_backup" rename to "orders"
                alter table "analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter table "analytics"."orders" rename to "orders__quarry_tmp"
                drop view if exists "analytics"."orders__quarry_backup";
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
    }
}
