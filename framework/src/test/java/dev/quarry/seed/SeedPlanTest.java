package dev.quarry.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.duckdb.DuckDbDialect;
import dev.quarry.adapter.h2.H2Dialect;
import dev.quarry.template.Relation;

/** The statements that load a seed, as text, per engine. */
class SeedPlanTest {

    private final EngineDialect duckdb = new DuckDbDialect();
    private final EngineDialect h2 = new H2Dialect();

    private static Relation relation(EngineDialect dialect, String database, String schema, String identifier) {
        return new Relation(database, schema, identifier, dialect.relation(database, schema, identifier));
    }

    private static final List<SeedColumn> COLUMNS = List.of(
            new SeedColumn("id", SeedColumnType.BIGINT, false),
            new SeedColumn("Amount", SeedColumnType.parse("decimal(10,2)").orElseThrow(), true),
            new SeedColumn("year", SeedColumnType.VARCHAR, false));

    @Test
    void preparesAStagingTableOnDuckDb() {
        Relation target = relation(duckdb, "warehouse", "main", "districts");
        List<ColumnInfo> columns = SeedPlan.engineColumns(duckdb, COLUMNS, false);

        assertThat(SeedPlan.createSchema(duckdb, target)).isEqualTo(
                "create schema if not exists \"warehouse\".\"main\"");
        assertThat(SeedPlan.prepare(duckdb, target, columns)).containsExactly(
                "drop table if exists \"warehouse\".\"main\".\"districts__quarry_tmp\"",
                "create table \"warehouse\".\"main\".\"districts__quarry_tmp\" (\"id\" bigint, "
                        + "\"Amount\" decimal(10,2), \"year\" varchar)");
    }

    @Test
    void onH2NamesBehaveAsUnquotedNamesUnlessQuoteColumnsIsSet() {
        Relation target = relation(h2, null, "main", "districts");

        assertThat(SeedPlan.prepare(h2, target, SeedPlan.engineColumns(h2, COLUMNS, false)).get(1)).isEqualTo(
                "create table \"main\".\"districts__quarry_tmp\" (\"id\" bigint, \"amount\" decimal(10,2), "
                        + "\"year\" varchar)");
        assertThat(SeedPlan.prepare(h2, target, SeedPlan.engineColumns(h2, COLUMNS, true)).get(1)).isEqualTo(
                "create table \"main\".\"districts__quarry_tmp\" (\"id\" bigint, \"Amount\" decimal(10,2), "
                        + "\"year\" varchar)");
        assertThat(SeedPlan.createSchema(h2, target)).isEqualTo("create schema if not exists \"main\"");
    }

    private static final RelationInfo LOADED = new RelationInfo(RelationType.TABLE,
            List.of(new ColumnInfo("id", "BIGINT"), new ColumnInfo("name", "VARCHAR")));

    @Test
    void aNewSeedIsTheStagingTableRenamed() {
        Relation target = relation(duckdb, null, "main", "districts");

        SeedPlan.Publish publish = SeedPlan.publish(duckdb, target, Optional.empty(), LOADED, Optional.empty(),
                false);

        assertThat(publish.action()).isEqualTo(SeedPlan.Action.CREATED);
        assertThat(publish.statements()).containsExactly(
                "alter table \"main\".\"districts__quarry_tmp\" rename to \"districts\"");
    }

    @Test
    void unchangedColumnsAreReloadedInPlace() {
        Relation target = relation(duckdb, null, "main", "districts");
        RelationInfo existing = new RelationInfo(RelationType.TABLE,
                List.of(new ColumnInfo("ID", "bigint"), new ColumnInfo("name", "varchar")));

        SeedPlan.Publish publish = SeedPlan.publish(duckdb, target, Optional.of(existing), LOADED,
                Optional.empty(), false);

        assertThat(publish.action()).isEqualTo(SeedPlan.Action.RELOADED);
        assertThat(publish.statements()).containsExactly(
                "delete from \"main\".\"districts\"",
                "insert into \"main\".\"districts\" (\"id\", \"name\")\n"
                        + "select \"id\", \"name\" from \"main\".\"districts__quarry_tmp\"",
                "drop table if exists \"main\".\"districts__quarry_tmp\"");
    }

    @Test
    void changedColumnsReplaceTheTable() {
        Relation target = relation(duckdb, null, "main", "districts");
        RelationInfo existing = new RelationInfo(RelationType.TABLE,
                List.of(new ColumnInfo("id", "VARCHAR"), new ColumnInfo("name", "VARCHAR")));

        SeedPlan.Publish publish = SeedPlan.publish(duckdb, target, Optional.of(existing), LOADED,
                Optional.empty(), false);

        assertThat(publish.action()).isEqualTo(SeedPlan.Action.REPLACED);
        assertThat(publish.statements()).containsExactly(
                "alter table \"main\".\"districts\" rename to \"districts__quarry_backup\"",
                "alter table \"main\".\"districts__quarry_tmp\" rename to \"districts\"",
                "drop table if exists \"main\".\"districts__quarry_backup\"");
    }

    @Test
    void fullRefreshReplacesEvenUnchangedColumnsAndDropsABackupAFailedRunLeft() {
        Relation target = relation(h2, null, "main", "districts");

        SeedPlan.Publish publish = SeedPlan.publish(h2, target, Optional.of(LOADED), LOADED,
                Optional.of(new RelationInfo(RelationType.VIEW, List.of())), true);

        assertThat(publish.action()).isEqualTo(SeedPlan.Action.REPLACED);
        assertThat(publish.statements()).containsExactly(
                "drop view if exists \"main\".\"districts__quarry_backup\"",
                "alter table \"main\".\"districts\" rename to \"districts__quarry_backup\"",
                "alter table \"main\".\"districts__quarry_tmp\" rename to \"districts\"",
                "drop table if exists \"main\".\"districts__quarry_backup\"");
    }

    @Test
    void aViewOfTheSeedsNameIsReplaced() {
        Relation target = relation(duckdb, null, "main", "districts");

        SeedPlan.Publish publish = SeedPlan.publish(duckdb, target,
                Optional.of(new RelationInfo(RelationType.VIEW, LOADED.columns())), LOADED, Optional.empty(), false);

        assertThat(publish.statements()).containsExactly(
                "alter view \"main\".\"districts\" rename to \"districts__quarry_backup\"",
                "alter table \"main\".\"districts__quarry_tmp\" rename to \"districts\"",
                "drop view if exists \"main\".\"districts__quarry_backup\"");
    }

    @Test
    void onlyDuckDbLoadsInOneTransaction() {
        assertThat(SeedPlan.loadsInOneTransaction(duckdb)).isTrue();
        assertThat(SeedPlan.loadsInOneTransaction(h2)).isFalse();
    }
}
