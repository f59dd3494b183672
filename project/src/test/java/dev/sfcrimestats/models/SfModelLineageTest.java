package dev.sfcrimestats.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.lineage.ColumnLineage;
import dev.quarry.lineage.ColumnRef;
import dev.quarry.lineage.LineageKind;
import dev.quarry.lineage.LineageResult;
import dev.quarry.lineage.OutputColumn;
import dev.sfcrimestats.SfProject;

/**
 * Column lineage of the SF project's models as {@code quarry compile} writes them for DuckDB (on the demo data, as a
 * fresh checkout builds), with known answers: the models themselves, compiled once for the class, not copies of them.
 */
class SfModelLineageTest {

    @TempDir
    static Path dir;

    private static Path compiled;

    @BeforeAll
    static void compile() throws IOException {
        SfProject project = SfProject.copyInto(Files.createDirectories(dir.resolve("project")));
        SfProject.Result result = project.run("compile");
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        compiled = project.root().resolve("target/compiled/models");
    }

    private static final String STAGING = "main_staging.stg_sfpd__incidents";
    private static final String FACT = "main_core.fct_incident_reports";
    private static final String DEMO = "main_staging.demo_sfpd__incidents";

    private static String fixture(String name) throws IOException {
        try (var files = Files.walk(compiled)) {
            Path model = files.filter(file -> file.getFileName().toString().equals(name + ".sql")).findFirst()
                    .orElseThrow(() -> new AssertionError("not compiled: " + name));
            return Files.readString(model, StandardCharsets.UTF_8);
        }
    }

    private static OutputColumn column(LineageResult result, String name) {
        return result.column(name).orElseThrow(() -> new AssertionError("no column " + name));
    }

    @Test
    void theFactPassesStagingColumnsThroughAndDerivesItsKeys() throws IOException {
        LineageResult result = ColumnLineage.analyze(fixture("fct_incident_reports"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.columns()).hasSize(23);
        assertThat(column(result, "report_row_id")).isEqualTo(new OutputColumn("report_row_id", LineageKind.DIRECT,
                Set.of(new ColumnRef(STAGING, "report_row_id"))));
        assertThat(column(result, "incident_key")).isEqualTo(new OutputColumn("incident_key", LineageKind.DERIVED,
                Set.of(new ColumnRef(STAGING, "incident_id"))));
        assertThat(column(result, "location_key").sources()).extracting(ColumnRef::column).containsExactly(
                "analysis_neighborhood", "cnn", "intersection", "police_district", "supervisor_district");
        assertThat(column(result, "report_delay_hours").sources()).containsExactly(
                new ColumnRef(STAGING, "incident_at"), new ColumnRef(STAGING, "reported_at"));
    }

    @Test
    void theNeighborhoodMartFollowsItsCtesToTheFactAndDimensions() throws IOException {
        LineageResult result = ColumnLineage.analyze(fixture("mart_neighborhood_summary"));

        assertThat(result.problems()).isEmpty();
        assertThat(column(result, "analysis_neighborhood")).isEqualTo(new OutputColumn("analysis_neighborhood",
                LineageKind.DIRECT, Set.of(new ColumnRef("main_core.dim_location", "analysis_neighborhood"))));
        // The share counts incidents (keys) of the last 12 months (dates) that are violent (crime group).
        assertThat(column(result, "violent_share_pct")).isEqualTo(new OutputColumn("violent_share_pct",
                LineageKind.DERIVED, Set.of(new ColumnRef(FACT, "incident_key"), new ColumnRef(FACT, "incident_date"),
                        new ColumnRef("main_core.dim_incident_type", "crime_group"))));
        // The rank orders by the count of incidents per neighbourhood, so those are sources of the top category.
        assertThat(column(result, "top_category_1").sources()).containsExactly(
                new ColumnRef("main_core.dim_incident_type", "incident_category"),
                new ColumnRef("main_core.dim_location", "analysis_neighborhood"),
                new ColumnRef(FACT, "incident_key"));
        assertThat(column(result, "as_of_date").sources()).containsExactly(new ColumnRef(FACT, "incident_date"));
        assertThat(column(result, "data_source").kind()).isEqualTo(LineageKind.CONSTANT);
    }

    @Test
    void stagingExpandsTheDemoModelFromTheCatalogThroughStarCtes() throws IOException {
        List<String> demoColumns = List.of("row_id", "incident_datetime", "incident_date", "report_datetime",
                "incident_id", "incident_number", "cad_number", "report_type_code", "report_type_description",
                "filed_online", "incident_code", "incident_category", "incident_subcategory", "incident_description",
                "resolution", "intersection", "cnn", "police_district", "analysis_neighborhood",
                "supervisor_district", "latitude", "longitude", "_source_updated_at", "_loaded_at", "_batch_id");
        LineageResult result = ColumnLineage.analyze(fixture("stg_sfpd__incidents"),
                relation -> relation.equals(DEMO) ? Optional.of(demoColumns) : Optional.empty());

        assertThat(result.problems()).isEmpty();
        assertThat(column(result, "report_row_id")).isEqualTo(new OutputColumn("report_row_id", LineageKind.DERIVED,
                Set.of(new ColumnRef(DEMO, "row_id"))));
        assertThat(column(result, "incident_at")).isEqualTo(new OutputColumn("incident_at", LineageKind.DIRECT,
                Set.of(new ColumnRef(DEMO, "incident_datetime"))));
        // The tombstones CTE of the demo build is a typed empty row set: its deleted_at is a constant null.
        assertThat(column(result, "deleted_at").kind()).isEqualTo(LineageKind.CONSTANT);
        assertThat(column(result, "changed_at").sources()).containsExactly(new ColumnRef(DEMO, "_loaded_at"));
        assertThat(column(result, "is_synthetic").kind()).isEqualTo(LineageKind.CONSTANT);
    }

    @Test
    void withoutTheCatalogStagingStillResolvesColumnsReadThroughTheStar() throws IOException {
        LineageResult result = ColumnLineage.analyze(fixture("stg_sfpd__incidents"));

        assertThat(result.problems()).containsExactly("'*' cannot be expanded: the columns of " + DEMO
                + " are unknown; the columns read through it are taken to be its own");
        assertThat(column(result, "reported_at").sources()).containsExactly(new ColumnRef(DEMO, "report_datetime"));
    }
}
