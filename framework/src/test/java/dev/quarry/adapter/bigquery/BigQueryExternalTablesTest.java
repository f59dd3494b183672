package dev.quarry.adapter.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.quarry.template.Relation;

/** The statements that stage sources' files as BigQuery external tables. */
class BigQueryExternalTablesTest {

    private final BigQueryDialect dialect = new BigQueryDialect();
    private final Relation incidents = new Relation("sf-crime", "raw", "incidents",
            dialect.relation("sf-crime", "raw", "incidents"));

    @Test
    void hivePartitionedParquetBecomesAnExternalTableWithPartitionColumns() {
        assertThat(dialect.createExternalTable(incidents, Map.of(
                "location", "gs://sf-landing/sfpd/incidents/**/*.parquet",
                "options", Map.of("hive_partitioning", true))))
                .hasValue("""
                        create or replace external table `sf-crime`.`raw`.`incidents`
                        with partition columns
                        options(format = "PARQUET", uris = ["gs://sf-landing/sfpd/incidents/*.parquet"], \
                        hive_partition_uri_prefix = "gs://sf-landing/sfpd/incidents")""");
    }

    @Test
    void csvTakesItsFormatAndBigQueryOptionsAsWritten() {
        assertThat(dialect.createExternalTable(incidents, Map.of("location", "gs://b/x/*.csv",
                "options", Map.of("skip_leading_rows", 1))))
                .hasValue("create or replace external table `sf-crime`.`raw`.`incidents`\n"
                        + "options(format = \"CSV\", uris = [\"gs://b/x/*.csv\"], skip_leading_rows = 1)");
    }

    @Test
    void jsonIgnoresFieldsTheDetectedSchemaLacksUnlessTheOptionsSayOtherwise() {
        assertThat(dialect.createExternalTable(incidents, Map.of("location", "gs://b/x/*", "format", "json")))
                .hasValue("create or replace external table `sf-crime`.`raw`.`incidents`\n"
                        + "options(format = \"NEWLINE_DELIMITED_JSON\", uris = [\"gs://b/x/*\"], "
                        + "ignore_unknown_values = true)");
        assertThat(dialect.createExternalTable(incidents, Map.of("location", "gs://b/x/*.json",
                "options", Map.of("ignore_unknown_values", false))))
                .hasValue("create or replace external table `sf-crime`.`raw`.`incidents`\n"
                        + "options(format = \"NEWLINE_DELIMITED_JSON\", uris = [\"gs://b/x/*.json\"], "
                        + "ignore_unknown_values = false)");
    }

    @Test
    void aSourceWithoutLocationHasNothingToStage() {
        assertThat(dialect.createExternalTable(incidents, Map.of())).isEmpty();
    }
}
