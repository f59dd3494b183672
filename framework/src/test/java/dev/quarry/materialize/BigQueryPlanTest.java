package dev.quarry.materialize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.EngineDialect;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.bigquery.BigQueryDialect;
import dev.quarry.compile.ManifestNode;
import dev.quarry.graph.ResourceType;
import dev.quarry.project.ColumnProperties;
import dev.quarry.template.Relation;

/**
 * The exact statements each materialization plans on BigQuery: tables and views are replaced in place with
 * {@code create or replace} (atomic there), with their partitioning, clustering, options and descriptions; incremental
 * models stage their rows in an expiring table, then merge, append or overwrite partitions.
 */
class BigQueryPlanTest {

    static final EngineDialect BIGQUERY = new BigQueryDialect();
    private static final String SELECT = "select id, day, amount from `raw`.`orders`";
    static final List<ColumnInfo> COLUMNS = List.of(new ColumnInfo("id", "INT64"),
            new ColumnInfo("day", "DATE"), new ColumnInfo("amount", "NUMERIC"));
    static final RelationInfo TABLE = new RelationInfo(RelationType.TABLE, COLUMNS);
    static final RelationInfo VIEW = new RelationInfo(RelationType.VIEW, COLUMNS);

    static ManifestNode model(String materialized, Object... config) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("materialized", materialized);
        for (int index = 0; index < config.length; index += 2) {
            values.put((String) config[index], config[index + 1]);
        }
        Relation relation = new Relation("sf-crime", "core", "orders",
                BIGQUERY.relation("sf-crime", "core", "orders"));
        List<ColumnProperties> columns = List.of(
                new ColumnProperties("id", "The order's \"id\".", null, List.of(), Map.of(), List.of(), null),
                new ColumnProperties("amount", "", null, List.of(), Map.of(), List.of(), null));
        return new ManifestNode("model.shop.orders", ResourceType.MODEL, "orders", "shop", "models/orders.sql", null,
                List.of("shop", "orders"), SELECT, SELECT, "checksum", values, List.of(), "One row per order.",
                columns, List.of(), List.of(), relation, Map.of());
    }

    private static MaterializationPlan plan(ManifestNode node, ExistingRelations existing) {
        MaterializationRequest request = MaterializationRequest.of(node, BIGQUERY, existing, false);
        return Materialization.of(node).plan(request);
    }

    private static String script(ManifestNode node, ExistingRelations existing) {
        MaterializationPlan plan = plan(node, existing);
        assertThat(plan.staged()).isEmpty();
        return GoldenScript.of(plan);
    }

    private static String incrementalScript(ManifestNode node) {
        MaterializationRequest request = MaterializationRequest.of(node, BIGQUERY, ExistingRelations.of(TABLE), false);
        Materialization materialization = Materialization.of(node);
        MaterializationPlan stage = materialization.plan(request);
        MaterializationPlan apply = materialization.plan(request.withStagedColumns(COLUMNS));
        return GoldenScript.of(stage) + "-- apply\n" + GoldenScript.of(apply);
    }

    @Test
    void aTableIsReplacedInOneStatementWithItsLayoutOptionsAndDescriptions() {
        ManifestNode node = model("table",
                "partition_by", Map.of("field", "day", "data_type", "date", "granularity", "month"),
                "cluster_by", List.of("id"),
                "labels", Map.of("team", "crime"),
                "require_partition_filter", true,
                "partition_expiration_days", 400L,
                "persist_docs", Map.of("relation", true, "columns", true));

        assertThat(script(node, ExistingRelations.of(TABLE))).isEqualTo("""
                create or replace table `sf-crime`.`core`.`orders`
                partition by date_trunc(`day`, month)
                cluster by `id`
                options(description = "One row per order.", labels = [("team", "crime")], \
                require_partition_filter = true, partition_expiration_days = 400)
                as
                select id, day, amount from `raw`.`orders`;
                alter table `sf-crime`.`core`.`orders` alter column `id` set options(description = "The order's \\"id\\".");
                """);
        assertThat(plan(node, ExistingRelations.none()).summary()).isEqualTo("created table");
    }

    @Test
    void aTableWithoutOptionsIsAPlainCreateOrReplace() {
        assertThat(script(model("table"), ExistingRelations.none())).isEqualTo("""
                create or replace table `sf-crime`.`core`.`orders`
                as
                select id, day, amount from `raw`.`orders`;
                """);
    }

    @Test
    void anEnforcedContractsPrimaryKeyIsAddedUnenforcedAndItsNotNullIsLeftToTests() {
        ManifestNode plain = model("table", "contract", Map.of("enforced", true));
        List<ColumnProperties> columns = List.of(new ColumnProperties("id", "", "int64", List.of(), Map.of(),
                List.of(), null, List.of(new dev.quarry.project.Constraint("not_null", List.of("id"), null, null))));
        ManifestNode contracted = new ManifestNode(plain.uniqueId(), plain.type(), plain.name(), plain.packageName(),
                plain.path(), plain.patchPath(), plain.fqn(), plain.rawCode(), plain.compiledCode(), plain.checksum(),
                plain.config(), plain.tags(), plain.description(), columns, plain.references(), plain.dependsOn(),
                plain.relation(), Map.of("constraints", List.of(Map.of("type", "primary_key", "columns",
                        List.of("id")))));

        assertThat(script(contracted, ExistingRelations.none())).isEqualTo("""
                create or replace table `sf-crime`.`core`.`orders`
                as
                select id, day, amount from `raw`.`orders`;
                alter table `sf-crime`.`core`.`orders` add primary key (`id`) not enforced;
                """);
    }

    @Test
    void timestampDatetimeAndIntegerPartitions() {
        assertThat(script(model("table", "partition_by", Map.of("field", "at", "data_type", "timestamp")),
                ExistingRelations.none())).contains("partition by timestamp_trunc(`at`, day)\n");
        assertThat(script(model("table", "partition_by", Map.of("field", "at", "data_type", "datetime",
                "granularity", "hour")), ExistingRelations.none())).contains("partition by datetime_trunc(`at`, hour)\n");
        assertThat(script(model("table", "partition_by", Map.of("field", "day")), ExistingRelations.none()))
                .contains("partition by `day`\n");
        assertThat(script(model("table", "partition_by", Map.of("field", "id", "data_type", "int64",
                "range", Map.of("start", 0L, "end", 1000L, "interval", 10L))), ExistingRelations.none()))
                .contains("partition by range_bucket(`id`, generate_array(0, 1000, 10))\n");
    }

    @Test
    void aTableReplacingAViewDropsTheViewFirstAndLeftoversAfter() {
        ExistingRelations existing = new ExistingRelations(Optional.of(VIEW), Optional.of(RelationType.TABLE),
                Optional.of(RelationType.TABLE));

        assertThat(script(model("table"), existing)).isEqualTo("""
                drop view if exists `sf-crime`.`core`.`orders`;
                create or replace table `sf-crime`.`core`.`orders`
                as
                select id, day, amount from `raw`.`orders`;
                drop table if exists `sf-crime`.`core`.`orders__quarry_tmp`;
                drop table if exists `sf-crime`.`core`.`orders__quarry_backup`;
                """);
    }

    @Test
    void aViewIsReplacedInOneStatementWithItsDescriptions() {
        ManifestNode node = model("view", "persist_docs", Map.of("relation", true, "columns", true));

        assertThat(script(node, ExistingRelations.of(VIEW))).isEqualTo("""
                create or replace view `sf-crime`.`core`.`orders`
                options(description = "One row per order.")
                as
                select id, day, amount from `raw`.`orders`;
                alter view `sf-crime`.`core`.`orders` alter column `id` set options(description = "The order's \\"id\\".");
                """);
        assertThat(script(model("view"), ExistingRelations.of(TABLE))).isEqualTo("""
                drop table if exists `sf-crime`.`core`.`orders`;
                create or replace view `sf-crime`.`core`.`orders`
                as
                select id, day, amount from `raw`.`orders`;
                """);
    }

    @Test
    void anIncrementalMergeStagesInAnExpiringTable() {
        assertThat(incrementalScript(model("incremental", "unique_key", "id"))).isEqualTo("""
                create or replace table `sf-crime`.`core`.`orders__quarry_tmp`
                options(expiration_timestamp = timestamp_add(current_timestamp(), interval 12 hour))
                as
                select id, day, amount from `raw`.`orders`;
                -- then describe `sf-crime`.`core`.`orders__quarry_tmp`
                -- on failure: drop table if exists `sf-crime`.`core`.`orders__quarry_tmp`
                -- apply
                merge into `sf-crime`.`core`.`orders` as target
                using `sf-crime`.`core`.`orders__quarry_tmp` as source
                on target.`id` = source.`id`
                when matched then update set `day` = source.`day`, `amount` = source.`amount`
                when not matched then insert (`id`, `day`, `amount`) values (source.`id`, source.`day`, source.`amount`);
                drop table if exists `sf-crime`.`core`.`orders__quarry_tmp`;
                -- on failure: drop table if exists `sf-crime`.`core`.`orders__quarry_tmp`
                """);
    }

    @Test
    void insertOverwriteReplacesThePartitionsOfTheNewRows() {
        String script = incrementalScript(model("incremental", "incremental_strategy", "insert_overwrite",
                "partition_by", Map.of("field", "day", "data_type", "date")));

        assertThat(script.substring(script.indexOf("-- apply"))).isEqualTo("""
                -- apply
                declare quarry_partitions array<date> default (select array_agg(distinct `day`) from \
                `sf-crime`.`core`.`orders__quarry_tmp`);
                merge into `sf-crime`.`core`.`orders` as target
                using `sf-crime`.`core`.`orders__quarry_tmp` as source
                on false
                when not matched by source and target.`day` in unnest(quarry_partitions) then delete
                when not matched then insert (`id`, `day`, `amount`) values (source.`id`, source.`day`, source.`amount`);
                drop table if exists `sf-crime`.`core`.`orders__quarry_tmp`;
                -- on failure: drop table if exists `sf-crime`.`core`.`orders__quarry_tmp`
                """);
    }

    @Test
    void insertOverwriteOfStaticPartitionsNamesThem() {
        String script = incrementalScript(model("incremental", "incremental_strategy", "insert_overwrite",
                "partition_by", Map.of("field", "day", "data_type", "date", "granularity", "month"),
                "partitions", List.of("date '2024-01-01'", "date '2024-02-01'")));

        assertThat(script).contains("""
                when not matched by source and date_trunc(target.`day`, month) in (date '2024-01-01', \
                date '2024-02-01') then delete
                """).doesNotContain("declare");
    }

    @Test
    void anIncrementalModelsFullRefreshIsAReplacedTableWithItsLayout() {
        ManifestNode node = model("incremental", "unique_key", "id", "partition_by", Map.of("field", "day"));

        MaterializationPlan plan = Materialization.of(node).plan(MaterializationRequest.of(node, BIGQUERY,
                ExistingRelations.of(TABLE), true));

        assertThat(GoldenScript.of(plan)).isEqualTo("""
                create or replace table `sf-crime`.`core`.`orders`
                partition by `day`
                as
                select id, day, amount from `raw`.`orders`;
                """);
    }

    @Test
    void deleteInsertIsNotOfferedOnBigQueryAndInsertOverwriteNeedsAPartition() {
        assertThatThrownBy(() -> plan(model("incremental", "incremental_strategy", "delete+insert",
                "unique_key", "id"), ExistingRelations.of(TABLE)))
                .isInstanceOf(MaterializationException.class)
                .hasMessageContaining("incremental_strategy 'delete+insert' is not supported on bigquery");
        assertThatThrownBy(() -> plan(model("incremental", "incremental_strategy", "insert_overwrite"),
                ExistingRelations.of(TABLE)))
                .isInstanceOf(MaterializationException.class)
                .hasMessageContaining("incremental_strategy 'insert_overwrite' needs a partition_by");
        assertThatThrownBy(() -> plan(model("table", "partition_by", Map.of("data_type", "date")),
                ExistingRelations.none()))
                .isInstanceOf(MaterializationException.class)
                .hasMessageContaining("partition_by needs a 'field'");
    }
}
