package dev.quarry.materialize;

import static dev.quarry.materialize.PlanScenario.DUCKDB;
import static dev.quarry.materialize.PlanScenario.H2;
import static dev.quarry.materialize.PlanScenario.ORDERS_TABLE;
import static dev.quarry.materialize.PlanScenario.ORDERS_VIEW;
import static dev.quarry.materialize.PlanScenario.assertScripts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.RelationType;

/**
 * The exact statements views, tables and ephemeral models plan on DuckDB and H2: statements end with a semicolon,
 * the statement that undoes one follows it as a {@code -- undo:} comment, and the failure cleanup comes last.
 */
class ViewAndTablePlanTest {

    @Test
    void aNewViewIsCreatedInPlace() {
        PlanScenario scenario = PlanScenario.of("view", ExistingRelations.none());

        assertScripts(scenario::script, """
                create view "warehouse"."analytics"."orders" as
                select id, amount from raw.orders;
                """, """
                create view "analytics"."orders" as
                select id, amount from raw.orders;
                """);
        assertThat(scenario.plan(DUCKDB).summary()).isEqualTo("created view");
    }

    @Test
    void aViewReplacesAViewInOneStatementAndDropsLeftovers() {
        PlanScenario scenario = PlanScenario.of("view", new ExistingRelations(Optional.of(ORDERS_VIEW),
                Optional.of(RelationType.VIEW), Optional.of(RelationType.TABLE)));

        assertScripts(scenario::script, """
                drop view if exists "warehouse"."analytics"."orders__quarry_tmp";
                create or replace view "warehouse"."analytics"."orders" as
                select id, amount from raw.orders;
                drop table if exists "warehouse"."analytics"."orders__quarry_backup";
                """, """
                drop view if exists "analytics"."orders__quarry_tmp";
                create or replace view "analytics"."orders" as
                select id, amount from raw.orders;
                drop table if exists "analytics"."orders__quarry_backup";
                """);
    }

    @Test
    void aViewReplacesATableBySwappingBetweenTheHooks() {
        PlanScenario scenario = PlanScenario.of("view", ExistingRelations.of(ORDERS_TABLE))
                .withHooks(List.of("insert into audit values ('start')", "select 1"),
                        List.of("insert into audit values ('end')"));

        assertScripts(scenario::script, """
                insert into audit values ('start');
                select 1;
                create view "warehouse"."analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                alter table "warehouse"."analytics"."orders" rename to "orders__quarry_backup";
                -- undo: alter table "warehouse"."analytics"."orders__quarry_backup" rename to "orders"
                alter view "warehouse"."analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter view "warehouse"."analytics"."orders" rename to "orders__quarry_tmp"
                drop table if exists "warehouse"."analytics"."orders__quarry_backup";
                insert into audit values ('end');
                -- on failure: drop view if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                insert into audit values ('start');
                select 1;
                create view "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                alter table "analytics"."orders" rename to "orders__quarry_backup";
                -- undo: alter table "analytics"."orders__quarry_backup" rename to "orders"
                alter view "analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter view "analytics"."orders" rename to "orders__quarry_tmp"
                drop table if exists "analytics"."orders__quarry_backup";
                insert into audit values ('end');
                -- on failure: drop view if exists "analytics"."orders__quarry_tmp"
                """);
    }

    @Test
    void aNewTableIsBuiltUnderTheTemporaryNameThenRenamed() {
        PlanScenario scenario = PlanScenario.of("table", ExistingRelations.none());

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
        assertThat(scenario.plan(H2).summary()).isEqualTo("created table");
    }

    @Test
    void aTableIsRebuiltBySwappingWithTheOldOne() {
        PlanScenario scenario = PlanScenario.of("table", ExistingRelations.of(ORDERS_TABLE));

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
    void aTableReplacesAViewAndLeftoversOfTheirOwnTypesAreDropped() {
        PlanScenario scenario = PlanScenario.of("table", new ExistingRelations(Optional.of(ORDERS_VIEW),
                Optional.of(RelationType.VIEW), Optional.of(RelationType.TABLE)));

        assertScripts(scenario::script, """
                drop view if exists "warehouse"."analytics"."orders__quarry_tmp";
                create table "warehouse"."analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                drop table if exists "warehouse"."analytics"."orders__quarry_backup";
                alter view "warehouse"."analytics"."orders" rename to "orders__quarry_backup";
                -- undo: alter view "warehouse"."analytics"."orders__quarry_backup" rename to "orders"
                alter table "warehouse"."analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter table "warehouse"."analytics"."orders" rename to "orders__quarry_tmp"
                drop view if exists "warehouse"."analytics"."orders__quarry_backup";
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                drop view if exists "analytics"."orders__quarry_tmp";
                create table "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                drop table if exists "analytics"."orders__quarry_backup";
                alter view "analytics"."orders" rename to "orders__quarry_backup";
                -- undo: alter view "analytics"."orders__quarry_backup" rename to "orders"
                alter table "analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter table "analytics"."orders" rename to "orders__quarry_tmp"
                drop view if exists "analytics"."orders__quarry_backup";
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
    }

    @Test
    void aLeftoverBackupWithoutItsTargetIsDroppedOnlyOnceTheNewTableIsComplete() {
        PlanScenario scenario = PlanScenario.of("table",
                new ExistingRelations(Optional.empty(), Optional.empty(), Optional.of(RelationType.TABLE)));

        assertScripts(scenario::script, """
                create table "warehouse"."analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                drop table if exists "warehouse"."analytics"."orders__quarry_backup";
                alter table "warehouse"."analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter table "warehouse"."analytics"."orders" rename to "orders__quarry_tmp"
                -- on failure: drop table if exists "warehouse"."analytics"."orders__quarry_tmp"
                """, """
                create table "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;
                drop table if exists "analytics"."orders__quarry_backup";
                alter table "analytics"."orders__quarry_tmp" rename to "orders";
                -- undo: alter table "analytics"."orders" rename to "orders__quarry_tmp"
                -- on failure: drop table if exists "analytics"."orders__quarry_tmp"
                """);
    }

    @Test
    void anEphemeralModelBuildsNothingAndRunsNoHooks() {
        PlanScenario scenario = PlanScenario.of("ephemeral", ExistingRelations.none())
                .withHooks(List.of("select 1"), List.of("select 2"));

        assertScripts(scenario::script, "", "");
        assertThat(scenario.plan(DUCKDB).summary()).isEqualTo("ephemeral, nothing built");
    }

    @Test
    void aModelWithoutMaterializedIsAView() {
        PlanScenario scenario = PlanScenario.of(null, ExistingRelations.none());

        assertThat(scenario.plan(H2).sql()).containsExactly("""
                create view "analytics"."orders" as
                select id, amount from raw.orders""");
    }

    @Test
    void aPlanReadsAsAScript() {
        MaterializationPlan plan = PlanScenario.of("table", ExistingRelations.none()).plan(H2);

        assertThat(plan.script()).isEqualTo("""
                create table "analytics"."orders__quarry_tmp" as
                select id, amount from raw.orders;

                alter table "analytics"."orders__quarry_tmp" rename to "orders";
                """);
    }
}
