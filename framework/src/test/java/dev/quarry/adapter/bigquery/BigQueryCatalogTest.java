package dev.quarry.adapter.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.quarry.adapter.ColumnInfo;
import dev.quarry.adapter.RelationInfo;
import dev.quarry.adapter.RelationType;
import dev.quarry.adapter.bigquery.FakeBigQuery.Column;
import dev.quarry.template.Relation;

/** Describing, listing and creating through BigQuery's metadata API: no jobs. */
class BigQueryCatalogTest {

    private FakeBigQuery fake;
    private BigQueryAdapter adapter;
    private BigQuerySession session;

    @BeforeEach
    void open() throws Exception {
        fake = new FakeBigQuery();
        adapter = BigQueryTesting.open(fake);
        session = adapter.openSession();
    }

    @AfterEach
    void close() {
        session.close();
        adapter.close();
        fake.close();
    }

    @Test
    void describesTablesAndViewsWithBigQueryTypeNames() {
        fake.table("analytics", "orders", "TABLE", Column.of("id", "INTEGER"), Column.of("amount", "NUMERIC"),
                Column.of("at", "TIMESTAMP"), Column.repeated("tags", "STRING"));
        fake.table("analytics", "orders_view", "VIEW", Column.of("id", "INT64"), Column.of("ok", "BOOLEAN"));

        RelationInfo table = session.describe(relation(null, "orders")).orElseThrow();
        RelationInfo view = session.describe(relation(FakeBigQuery.PROJECT, "orders_view")).orElseThrow();

        assertThat(table.type()).isEqualTo(RelationType.TABLE);
        assertThat(table.columns()).containsExactly(new ColumnInfo("id", "INT64"), new ColumnInfo("amount", "NUMERIC"),
                new ColumnInfo("at", "TIMESTAMP"), new ColumnInfo("tags", "ARRAY<STRING>"));
        assertThat(view.type()).isEqualTo(RelationType.VIEW);
        assertThat(view.columns()).extracting(ColumnInfo::dataType).containsExactly("INT64", "BOOL");
        assertThat(fake.requests("tables.get")).extracting(FakeBigQuery.Request::path).containsExactly(
                "/bigquery/v2/projects/test-project/datasets/analytics/tables/orders",
                "/bigquery/v2/projects/test-project/datasets/analytics/tables/orders_view");
        assertThat(fake.calls("jobs.insert")).isZero();
    }

    @Test
    void aMissingRelationOrDatasetIsEmpty() {
        fake.dataset("analytics", "EU");

        assertThat(session.describe(relation(null, "missing"))).isEmpty();
        assertThat(session.describe(new Relation(null, "nowhere", "orders", "`nowhere`.`orders`"))).isEmpty();
    }

    @Test
    void listsEveryDatasetsTablesAsTheDialectWritesThem() {
        fake.table("analytics", "orders", "TABLE");
        fake.table("analytics", "orders_view", "VIEW");
        fake.table("analytics", "orders_mv", "MATERIALIZED_VIEW");
        fake.table("analytics", "raw_files", "EXTERNAL");
        fake.table("analytics_staging", "stg_orders", "VIEW");
        fake.dataset("empty", "EU");

        assertThat(session.listRelations(false)).containsOnly(
                entry("`analytics`.`orders`", RelationType.TABLE),
                entry("`analytics`.`orders_view`", RelationType.VIEW),
                entry("`analytics`.`orders_mv`", RelationType.VIEW),
                entry("`analytics`.`raw_files`", RelationType.TABLE),
                entry("`analytics_staging`.`stg_orders`", RelationType.VIEW));
        assertThat(session.listRelations(true)).containsKey("`test-project`.`analytics`.`orders`")
                .hasSize(5);
        assertThat(fake.calls("datasets.list")).isEqualTo(2);
        assertThat(fake.requests("tables.list").stream().filter(request -> request.path().contains("/analytics/"))
                .count()).as("two tables a page: the client follows the page token").isEqualTo(2 * 2);
        assertThat(fake.calls("jobs.insert")).isZero();
    }

    @Test
    void listsOnlyTheDatasetsOfTheGivenRelationsWhenAsked() {
        fake.table("analytics", "orders", "TABLE");
        fake.table("other", "customers", "TABLE");

        assertThat(session.listRelations(false, List.of(relation(null, "a"), relation(FakeBigQuery.PROJECT, "b"),
                new Relation(null, "analytics_missing", "c", "")))).containsOnlyKeys("`analytics`.`orders`");
        assertThat(fake.calls("datasets.list")).isZero();
        assertThat(fake.requests("tables.list")).extracting(FakeBigQuery.Request::path).containsExactlyInAnyOrder(
                "/bigquery/v2/projects/test-project/datasets/analytics/tables",
                "/bigquery/v2/projects/test-project/datasets/analytics_missing/tables");
    }

    @Test
    void createsAMissingDatasetInTheTargetsLocation() {
        session.createSchemaIfMissing(null, "analytics_staging");

        assertThat(fake.hasDataset("analytics_staging")).isTrue();
        assertThat(fake.requests("datasets.insert")).singleElement().satisfies(insert -> {
            assertThat(insert.json().at("/datasetReference/datasetId").asText()).isEqualTo("analytics_staging");
            assertThat(insert.json().at("/datasetReference/projectId").asText()).isEqualTo(FakeBigQuery.PROJECT);
            assertThat(insert.json().get("location").asText()).isEqualTo("EU");
        });
    }

    @Test
    void anExistingDatasetIsLeftAloneWithoutAskingToCreateIt() {
        fake.dataset("analytics", "EU");

        session.createSchemaIfMissing(FakeBigQuery.PROJECT, "analytics");

        assertThat(fake.calls("datasets.get")).isEqualTo(1);
        assertThat(fake.calls("datasets.insert")).isZero();
    }

    @Test
    void aDatasetAnotherWorkerCreatedMeanwhileIsFine() {
        fake.failNext("datasets.get", 1, 404, "notFound", "Not found: Dataset test-project:analytics");
        fake.dataset("analytics", "EU");

        session.createSchemaIfMissing(null, "analytics");

        assertThat(fake.calls("datasets.insert")).as("answered 409 Already Exists").isEqualTo(1);
    }

    private Relation relation(String database, String name) {
        return new Relation(database, "analytics", name, adapter.dialect().relation(database, "analytics", name));
    }
}
