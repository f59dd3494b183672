package dev.quarry.project;

import static dev.quarry.project.ProjectDirectory.formatted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.quarry.error.Diagnostic;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.ErrorCode;
import dev.quarry.error.ProjectException;
import dev.quarry.error.SourceLocation;

class ProjectLoaderTest {

    private static final String PROJECT_FILE = """
            name: shop
            version: "1.0.0"
            profile: shop
            vars:
              start_date: "2018-01-01"
              limit: 10
            models:
              shop:
                staging:
                  +materialized: view
                  +schema: staging
                marts:
                  +materialized: table
                  +tags: [dashboard]
            seeds:
              shop:
                +schema: reference
            on-run-end:
              - "analyze ${target.schema}.orders"
            """;

    private static final String PROFILES_FILE = """
            shop:
              target: local
              outputs:
                local:
                  type: duckdb
                  path: target/warehouse.duckdb
                  schema: main
                  threads: 4
                prod:
                  type: bigquery
                  project: "${env_var('GCP_PROJECT')}"
                  dataset: shop_dataset
                  location: US
                  method: oauth
                  keyfile: "${env_var('GOOGLE_APPLICATION_CREDENTIALS', '')}"
                  maximum_bytes_billed: 10000000000
                  threads: 8
                embedded:
                  type: h2
            """;

    private static final String PROPERTIES_FILE = """
            version: 2
            sources:
              - name: shop
                description: Raw shop data
                schema: raw
                loaded_at_field: _loaded_at
                freshness: {warn_after: {count: 2, period: day}, error_after: {count: 7, period: day}}
                loader: {type: socrata, domain: data.sfgov.org, dataset: wg3w-h783}
                tables:
                  - name: orders
                    external: {location: "data/landing/orders/**/*.parquet", format: parquet}
                    columns:
                      - name: order_id
                        data_tests: [not_null]
                  - name: customers
                    identifier: customer_table
                    tags: [pii]
            models:
              - name: fct_orders
                description: "One row per order since ${var('start_date')}. ${doc('order_grain')}"
                config: {materialized: incremental, unique_key: order_id}
                tags: [finance]
                meta: {owner: ana}
                columns:
                  - name: order_id
                    description: The order
                    data_type: varchar
                    data_tests: [unique, not_null]
                  - name: status
                    tests:
                      - accepted_values: {values: ['placed', 'shipped'], config: {severity: warn}}
                  - name: customer_id
                    data_tests:
                      - relationships: {to: "ref('dim_customers')", field: customer_id}
            unit_tests:
              - name: keeps_latest_status
                model: stg_orders
                description: Latest update wins
                given:
                  - input: "source('shop', 'orders')"
                    rows:
                      - {order_id: "1", status: placed}
                      - {order_id: "1", status: shipped}
                  - input: "ref('countries')"
                    format: csv
                    rows: |
                      code,name
                      US,United States
                expect:
                  rows:
                    - {order_id: "1", status: shipped}
                overrides:
                  vars: {start_date: "2024-01-01"}
            exposures:
              - name: order_dashboard
                type: dashboard
                label: Orders
                url: https://example.com/orders
                maturity: high
                owner: {name: Ana, email: ana@example.com}
                depends_on: ["ref('fct_orders')", "source('shop', 'orders')"]
            """;

    private static final String DOCS_FILE = """
            # Shop docs

            <#-- docs order_grain -->
            One row per **order**.
            <#-- enddocs -->

            <#-- docs customer_grain -->One row per customer.<#-- enddocs -->
            """;

    private static final Map<String, String> ENVIRONMENT = Map.of("GCP_PROJECT", "my-gcp-project");

    @TempDir
    Path temporary;

    private final Diagnostics diagnostics = new Diagnostics();

    private Path root() {
        return temporary.resolve("shop");
    }

    private ProjectDirectory project() {
        return ProjectDirectory.in(root());
    }

    /** The smallest valid project: a project file and a profile with one DuckDB target. */
    private ProjectDirectory minimal() {
        return project()
                .file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", PROFILES_FILE);
    }

    /** A project with every kind of file. */
    private ProjectDirectory full() {
        return project()
                .file("quarry_project.yml", PROJECT_FILE)
                .file("profiles.yml", PROFILES_FILE)
                .file("models/staging/stg_orders.sql", "select * from ${source('shop', 'orders')}\n")
                .file("models/staging/stg_customers.sql", "select * from ${source('shop', 'customers')}\n")
                .file("models/marts/fct_orders.sql", "select * from ${ref('stg_orders')}\n")
                .file("models/marts/core/dim_customers.sql", "select * from ${ref('stg_customers')}\n")
                .file("models/top_level.sql", "select 1 as one\n")
                .file("models/.scratch/ignored.sql", "select 'hidden'\n")
                .file("models/staging/notes.txt", "not a model\n")
                .file("models/schema.yml", PROPERTIES_FILE)
                .file("models/docs.md", DOCS_FILE)
                .file("macros/cents.ftl", "<#function cents column>${column} / 100</#function>\n")
                .file("macros/util/strings.ftl", "<#macro upper column>upper(${column})</#macro>\n")
                .file("seeds/countries.csv", "code,name\nUS,United States\n")
                .file("seeds/ref/currencies.csv", "code\nUSD\n")
                .file("seeds/properties.yml", """
                        version: 2
                        seeds:
                          - name: countries
                            description: ISO countries
                            config: {column_types: {code: varchar}, delimiter: ","}
                        """)
                .file("tests/assert_positive_totals.sql", "select * from ${ref('fct_orders')} where total < 0\n")
                .file("tests/marts/assert_one_row_per_order.sql", "select 1 where false\n");
    }

    private Project load(LoadOptions options) {
        return new ProjectLoader(options).load(root(), diagnostics);
    }

    private Project load() {
        return load(options(null, Map.of()));
    }

    private static LoadOptions options(String target, Map<String, Object> commandLineVars) {
        return new LoadOptions(null, null, target, commandLineVars, ENVIRONMENT);
    }

    /** Loads a project that must fail, and gives the exact text of every diagnostic. */
    private List<String> loadErrors(LoadOptions options) {
        ProjectException thrown = catchThrowableOfType(ProjectException.class, () -> load(options));
        assertThat(thrown).as("the project should not load").isNotNull();
        assertThat(thrown.code()).isEqualTo(ErrorCode.PROJECT);
        return formatted(thrown.diagnostics());
    }

    private List<String> loadErrors() {
        return loadErrors(options(null, Map.of()));
    }

    private List<String> warnings() {
        return formatted(diagnostics.sorted().stream().filter(diagnostic -> !diagnostic.isError()).toList());
    }

    private static SourceLocation at(String file, int line, int column) {
        return new SourceLocation(file, line, column);
    }

    // ---- a full project, field by field ----

    @Test
    void theProjectFileIsReadIntoTheConfig() {
        full();

        Project project = load();

        ProjectConfig config = project.config();
        assertThat(project.root()).isEqualTo(root());
        assertThat(project.name()).isEqualTo("shop");
        assertThat(config.version()).isEqualTo("1.0.0");
        assertThat(config.profile()).isEqualTo("shop");
        assertThat(config.modelPaths()).containsExactly("models");
        assertThat(config.macroPaths()).containsExactly("macros");
        assertThat(config.seedPaths()).containsExactly("seeds");
        assertThat(config.testPaths()).containsExactly("tests");
        assertThat(config.targetPath()).isEqualTo("target");
        assertThat(project.targetDir()).isEqualTo(root().resolve("target"));
        assertThat(config.unitTestEngine()).isEqualTo("duckdb");
        assertThat(config.onRunStart()).isEmpty();
        assertThat(config.onRunEnd()).containsExactly(
                new Hook("analyze ${target.schema}.orders", at("quarry_project.yml", 19, 5)));
        assertThat(config.location()).isEqualTo(at("quarry_project.yml", 1, 1));
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void folderConfigsOfTheProjectFileApplyByModelPath() {
        full();

        ProjectConfig config = load().config();

        assertThat(config.modelConfigs().resolve(List.of("shop", "staging", "stg_orders"))).isEqualTo(Map.of(
                "materialized", new ConfigValue("view", at("quarry_project.yml", 10, 22)),
                "schema", new ConfigValue("staging", at("quarry_project.yml", 11, 16))));
        assertThat(config.modelConfigs().resolve(List.of("shop", "marts", "core", "dim_customers"))).isEqualTo(Map.of(
                "materialized", new ConfigValue("table", at("quarry_project.yml", 13, 22)),
                "tags", new ConfigValue(List.of("dashboard"), at("quarry_project.yml", 14, 14))));
        assertThat(config.seedConfigs().resolve(List.of("shop", "countries"))).isEqualTo(Map.of(
                "schema", new ConfigValue("reference", at("quarry_project.yml", 17, 14))));
        assertThat(config.testConfigs().resolve(List.of("shop", "assert_positive_totals"))).isEmpty();
    }

    @Test
    void modelsAreEverySqlFileUnderTheModelPathsSortedByPath() {
        full();

        List<ModelFile> models = load().models();

        assertThat(models).containsExactly(
                new ModelFile("dim_customers", "models/marts/core/dim_customers.sql", List.of("marts", "core"),
                        "select * from ${ref('stg_customers')}\n"),
                new ModelFile("fct_orders", "models/marts/fct_orders.sql", List.of("marts"),
                        "select * from ${ref('stg_orders')}\n"),
                new ModelFile("stg_customers", "models/staging/stg_customers.sql", List.of("staging"),
                        "select * from ${source('shop', 'customers')}\n"),
                new ModelFile("stg_orders", "models/staging/stg_orders.sql", List.of("staging"),
                        "select * from ${source('shop', 'orders')}\n"),
                new ModelFile("top_level", "models/top_level.sql", List.of(), "select 1 as one\n"));
    }

    @Test
    void macrosSeedsAndSingularTestsAreFound() {
        full();

        Project project = load();

        assertThat(project.macros()).containsExactly(
                new MacroFile("macros/cents.ftl", "<#function cents column>${column} / 100</#function>\n"),
                new MacroFile("macros/util/strings.ftl", "<#macro upper column>upper(${column})</#macro>\n"));
        assertThat(project.seeds()).containsExactly(
                new SeedFile("countries", "seeds/countries.csv", List.of()),
                new SeedFile("currencies", "seeds/ref/currencies.csv", List.of("ref")));
        assertThat(project.singularTests()).containsExactly(
                new SingularTestFile("assert_positive_totals", "tests/assert_positive_totals.sql", List.of(),
                        "select * from ${ref('fct_orders')} where total < 0\n"),
                new SingularTestFile("assert_one_row_per_order", "tests/marts/assert_one_row_per_order.sql",
                        List.of("marts"), "select 1 where false\n"));
    }

    @Test
    void theDefaultTargetOfTheProfileIsActive() {
        full();

        Target target = load().target();

        assertThat(target).isEqualTo(new Target("shop", "local", "duckdb", "main", null, 4,
                orderedMap("type", "duckdb", "path", "target/warehouse.duckdb", "schema", "main", "threads", 4L),
                at("profiles.yml", 5, 7)));
    }

    @Test
    void sourcesKeepTheirTablesExternalLocationsLoaderAndFreshness() {
        full();

        List<SourceDefinition> sources = load().properties().sources();

        assertThat(sources).hasSize(1);
        SourceDefinition source = sources.get(0);
        assertThat(source.name()).isEqualTo("shop");
        assertThat(source.description()).isEqualTo("Raw shop data");
        assertThat(source.schema()).isEqualTo("raw");
        assertThat(source.database()).isNull();
        assertThat(source.loadedAtField()).isEqualTo("_loaded_at");
        assertThat(source.freshness()).isEqualTo(Map.of(
                "warn_after", Map.of("count", 2L, "period", "day"),
                "error_after", Map.of("count", 7L, "period", "day")));
        assertThat(source.loader()).isEqualTo(Map.of("type", "socrata", "domain", "data.sfgov.org",
                "dataset", "wg3w-h783"));
        assertThat(source.tags()).isEmpty();
        assertThat(source.file()).isEqualTo("models/schema.yml");
        assertThat(source.location()).isEqualTo(at("models/schema.yml", 3, 5));

        assertThat(source.tables()).extracting(SourceTable::name).containsExactly("orders", "customers");
        SourceTable orders = source.tables().get(0);
        assertThat(orders.identifier()).isEqualTo("orders");
        assertThat(orders.external()).isEqualTo(Map.of("location", "data/landing/orders/**/*.parquet",
                "format", "parquet"));
        assertThat(orders.freshness()).isEmpty();
        assertThat(orders.loadedAtField()).isNull();
        assertThat(orders.location()).isEqualTo(at("models/schema.yml", 10, 9));
        assertThat(orders.columns()).containsExactly(new ColumnProperties("order_id", "", null, List.of(), Map.of(),
                List.of(new TestDefinition("not_null", Map.of(), Map.of(), null, at("models/schema.yml", 14, 26))),
                at("models/schema.yml", 13, 13)));
        SourceTable customers = source.tables().get(1);
        assertThat(customers.identifier()).isEqualTo("customer_table");
        assertThat(customers.external()).isEmpty();
        assertThat(customers.tags()).containsExactly("pii");
        assertThat(customers.columns()).isEmpty();
    }

    @Test
    void modelPropertiesKeepDescriptionConfigColumnsAndTests() {
        full();

        List<NodeProperties> models = load(options(null, Map.of("start_date", "2024-01-01"))).properties().models();

        assertThat(models).hasSize(1);
        NodeProperties model = models.get(0);
        assertThat(model.name()).isEqualTo("fct_orders");
        assertThat(model.description()).isEqualTo("One row per order since 2024-01-01. ${doc('order_grain')}");
        assertThat(model.config()).isEqualTo(Map.of(
                "materialized", new ConfigValue("incremental", at("models/schema.yml", 21, 28)),
                "unique_key", new ConfigValue(List.of("order_id"), at("models/schema.yml", 21, 53)),
                "tags", new ConfigValue(List.of("finance"), at("models/schema.yml", 22, 11))));
        assertThat(model.meta()).isEqualTo(Map.of("owner", "ana"));
        assertThat(model.tests()).isEmpty();
        assertThat(model.file()).isEqualTo("models/schema.yml");
        assertThat(model.location()).isEqualTo(at("models/schema.yml", 19, 5));
        assertThat(model.columns()).containsExactly(
                new ColumnProperties("order_id", "The order", "varchar", List.of(), Map.of(), List.of(
                        new TestDefinition("unique", Map.of(), Map.of(), null, at("models/schema.yml", 28, 22)),
                        new TestDefinition("not_null", Map.of(), Map.of(), null, at("models/schema.yml", 28, 30))),
                        at("models/schema.yml", 25, 9)),
                new ColumnProperties("status", "", null, List.of(), Map.of(), List.of(
                        new TestDefinition("accepted_values", Map.of("values", List.of("placed", "shipped")),
                                Map.of("severity", new ConfigValue("warn", at("models/schema.yml", 31, 81))),
                                null, at("models/schema.yml", 31, 13))),
                        at("models/schema.yml", 29, 9)),
                new ColumnProperties("customer_id", "", null, List.of(), Map.of(), List.of(
                        new TestDefinition("relationships", Map.of("to", "ref('dim_customers')",
                                "field", "customer_id"), Map.of(), null, at("models/schema.yml", 34, 13))),
                        at("models/schema.yml", 32, 9)));
    }

    @Test
    void topLevelTagsAndDocsOfAModelAreConfigAsInDbt() {
        minimal().file("models/stg_orders.sql", "select 1 as id\n").file("models/schema.yml", """
                version: 2
                models:
                  - name: stg_orders
                    tags: [staging]
                    docs: {show: false}
                """);

        NodeProperties model = load().properties().models().get(0);

        assertThat(model.config()).isEqualTo(Map.of(
                "tags", new ConfigValue(List.of("staging"), at("models/schema.yml", 4, 11)),
                "docs", new ConfigValue(Map.of("show", false), at("models/schema.yml", 5, 11))));
        assertThat(diagnostics.sorted()).isEmpty();
    }

    @Test
    void seedPropertiesAreReadFromTheSeedPaths() {
        full();

        List<NodeProperties> seeds = load().properties().seeds();

        assertThat(seeds).hasSize(1);
        NodeProperties seed = seeds.get(0);
        assertThat(seed.name()).isEqualTo("countries");
        assertThat(seed.description()).isEqualTo("ISO countries");
        assertThat(seed.config()).isEqualTo(Map.of(
                "column_types", new ConfigValue(Map.of("code", "varchar"), at("seeds/properties.yml", 5, 28)),
                "delimiter", new ConfigValue(",", at("seeds/properties.yml", 5, 56))));
        assertThat(seed.file()).isEqualTo("seeds/properties.yml");
    }

    @Test
    void unitTestsKeepTheirFixturesIncludingInlineCsv() {
        full();

        List<UnitTestDefinition> unitTests = load().properties().unitTests();

        assertThat(unitTests).hasSize(1);
        UnitTestDefinition unitTest = unitTests.get(0);
        assertThat(unitTest.name()).isEqualTo("keeps_latest_status");
        assertThat(unitTest.model()).isEqualTo("stg_orders");
        assertThat(unitTest.description()).isEqualTo("Latest update wins");
        assertThat(unitTest.ordered()).isFalse();
        assertThat(unitTest.overrides()).isEqualTo(Map.of("vars", Map.of("start_date", "2024-01-01")));
        assertThat(unitTest.config()).isEmpty();
        assertThat(unitTest.file()).isEqualTo("models/schema.yml");
        assertThat(unitTest.location()).isEqualTo(at("models/schema.yml", 36, 5));
        assertThat(unitTest.given()).containsExactly(
                new UnitTestDefinition.Fixture("source('shop', 'orders')", "dict", List.of(
                        Map.of("order_id", "1", "status", "placed"),
                        Map.of("order_id", "1", "status", "shipped")), null, null,
                        at("models/schema.yml", 40, 9)),
                new UnitTestDefinition.Fixture("ref('countries')", "csv", List.of(),
                        "code,name\nUS,United States\n", null, at("models/schema.yml", 44, 9)));
        assertThat(unitTest.expect()).isEqualTo(new UnitTestDefinition.Fixture(null, "dict", List.of(
                Map.of("order_id", "1", "status", "shipped")), null, null, at("models/schema.yml", 50, 7)));
    }

    @Test
    void exposuresKeepWhatTheyDependOn() {
        full();

        List<ExposureDefinition> exposures = load().properties().exposures();

        assertThat(exposures).containsExactly(new ExposureDefinition("order_dashboard", "dashboard", "Orders", "",
                "https://example.com/orders", "high", Map.of("name", "Ana", "email", "ana@example.com"),
                List.of(new ExposureDefinition.Reference("ref('fct_orders')", at("models/schema.yml", 61, 18)),
                        new ExposureDefinition.Reference("source('shop', 'orders')",
                                at("models/schema.yml", 61, 39))),
                List.of(), Map.of(), "models/schema.yml", at("models/schema.yml", 55, 5)));
    }

    @Test
    void docBlocksAreReadFromMarkdownUnderTheModelPaths() {
        full();

        Map<String, DocBlock> docs = load().docs();

        assertThat(docs).isEqualTo(Map.of(
                "order_grain", new DocBlock("order_grain", "One row per **order**.", at("models/docs.md", 3, 1)),
                "customer_grain", new DocBlock("customer_grain", "One row per customer.",
                        at("models/docs.md", 7, 1))));
    }

    @Test
    void commandLineVarsOverrideTheProjectsVars() {
        full();

        Project project = load(options(null, Map.of("start_date", "2024-01-01", "extra", true)));

        assertThat(project.vars()).isEqualTo(Map.of("start_date", "2024-01-01", "limit", 10L, "extra", true));
    }

    @Test
    void withoutCommandLineVarsTheProjectsVarsApply() {
        full();

        Project project = load();

        assertThat(project.vars()).isEqualTo(Map.of("start_date", "2018-01-01", "limit", 10L));
        assertThat(project.properties().models().get(0).description())
                .isEqualTo("One row per order since 2018-01-01. ${doc('order_grain')}");
    }

    @Test
    void otherModelPathsAreUsedWhenTheProjectSaysSo() {
        project()
                .file("quarry_project.yml", "name: shop\nprofile: shop\nmodel-paths: [transform/, more]\n"
                        + "target-path: build\n")
                .file("profiles.yml", PROFILES_FILE)
                .file("transform/a.sql", "select 1\n")
                .file("more/deep/b.sql", "select 2\n")
                .file("models/ignored.sql", "select 3\n");

        Project project = load();

        assertThat(project.config().modelPaths()).containsExactly("transform", "more");
        assertThat(project.models()).containsExactly(
                new ModelFile("a", "transform/a.sql", List.of(), "select 1\n"),
                new ModelFile("b", "more/deep/b.sql", List.of("deep"), "select 2\n"));
        assertThat(project.targetDir()).isEqualTo(root().resolve("build"));
    }

    @Test
    void aUtf8ByteOrderMarkIsDropped() {
        minimal().bytes("models/a.sql", "\uFEFFselect 1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(load().models().get(0).rawCode()).isEqualTo("select 1\n");
    }

    // ---- profiles and targets ----

    @Test
    void profilesDirWinsOverTheProjectDirAndTheHomeDir() {
        Path flags = temporary.resolve("flags");
        Path home = temporary.resolve("home");
        profilesWithSchemaEverywhere(flags, home);

        Target target = load(new LoadOptions(flags, home, null, Map.of(), Map.of())).target();

        assertThat(target.schema()).isEqualTo("from_flag");
        assertThat(target.location()).isEqualTo(at(flags.resolve("profiles.yml").toAbsolutePath().normalize()
                .toString(), 5, 7));
    }

    @Test
    void theProjectDirWinsOverTheHomeDir() {
        Path home = temporary.resolve("home");
        profilesWithSchemaEverywhere(temporary.resolve("flags"), home);

        Target target = load(new LoadOptions(null, home, null, Map.of(), Map.of())).target();

        assertThat(target.schema()).isEqualTo("from_project");
        assertThat(target.location()).isEqualTo(at("profiles.yml", 5, 7));
    }

    @Test
    void theHomeDirIsTheLastPlaceLookedAt() {
        Path home = temporary.resolve("home");
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n");
        ProjectDirectory.in(home).file(".quarry/profiles.yml", profileWithSchema("from_home"));

        Target target = load(new LoadOptions(null, home, null, Map.of(), Map.of())).target();

        assertThat(target.schema()).isEqualTo("from_home");
    }

    @Test
    void aProfilesDirWithoutAProfileFallsBackToTheProjectDir() {
        Path flags = temporary.resolve("flags");
        ProjectDirectory.in(flags).file("unrelated.txt", "");
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", profileWithSchema("from_project"));

        Target target = load(new LoadOptions(flags, null, null, Map.of(), Map.of())).target();

        assertThat(target.schema()).isEqualTo("from_project");
    }

    @Test
    void noProfilesFileAnywhereIsAnErrorAtTheProfileNamingEveryPlaceLookedAt() {
        Path flags = temporary.resolve("flags");
        Path home = temporary.resolve("home");
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n");

        List<String> errors = loadErrors(new LoadOptions(flags, home, null, Map.of(), Map.of()));

        assertThat(errors).containsExactly("quarry_project.yml:2:10: error: no profiles.yml found for profile 'shop'\n"
                + "  hint: create profiles.yml in the project directory (or pass --profiles-dir); looked in: "
                + flags.resolve("profiles.yml") + ", " + root().resolve("profiles.yml") + ", "
                + home.resolve(".quarry").resolve("profiles.yml"));
    }

    @Test
    void anErrorInAProfileOutsideTheProjectNamesItsAbsolutePath() {
        Path home = temporary.resolve("home");
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n");
        ProjectDirectory.in(home).file(".quarry/profiles.yml", PROFILES_FILE.replace("type: duckdb", "type: duck"));

        List<String> errors = loadErrors(new LoadOptions(null, home, null, Map.of(), ENVIRONMENT));

        assertThat(errors).containsExactly(home.resolve(".quarry/profiles.yml").toAbsolutePath().normalize()
                + ":5:13: error: unknown engine type 'duck'\n  hint: did you mean 'duckdb'?");
    }

    @Test
    void targetSelectsAnotherOutputAndBigQueryTakesItsDatasetAndProject() {
        full();

        Target target = load(options("prod", Map.of())).target();

        assertThat(target.name()).isEqualTo("prod");
        assertThat(target.type()).isEqualTo("bigquery");
        assertThat(target.schema()).isEqualTo("shop_dataset");
        assertThat(target.database()).isEqualTo("my-gcp-project");
        assertThat(target.threads()).isEqualTo(8);
        assertThat(target.location()).isEqualTo(at("profiles.yml", 10, 7));
        assertThat(target.settings()).isEqualTo(orderedMap(
                "type", "bigquery",
                "project", "my-gcp-project",
                "dataset", "shop_dataset",
                "location", "US",
                "method", "oauth",
                "keyfile", "",
                "maximum_bytes_billed", 10_000_000_000L,
                "threads", 8L));
    }

    @Test
    void anH2TargetDefaultsToThePublicSchemaAndFourThreads() {
        full();

        Target target = load(options("embedded", Map.of())).target();

        assertThat(target).isEqualTo(new Target("shop", "embedded", "h2", "public", null, 4, Map.of("type", "h2"),
                at("profiles.yml", 19, 7)));
    }

    @Test
    void aDuckDbTargetWithoutSchemaDefaultsToMain() {
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n");

        assertThat(load().target().schema()).isEqualTo("main");
    }

    @Test
    void aBigQueryTargetWithoutDatasetIsAnError() {
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", "shop:\n  target: bq\n  outputs:\n    bq:\n      type: bigquery\n"
                        + "      project: p\n");

        assertThat(loadErrors()).containsExactly("""
                profiles.yml:5:7: error: target 'bq' has no dataset
                  hint: add 'dataset: <name>'""");
    }

    @Test
    void aTargetThatIsNotAnOutputIsAnErrorAtTheFlag() {
        minimal();

        assertThat(loadErrors(options("staging", Map.of()))).containsExactly("""
                --target: error: target 'staging' is not an output of profile 'shop'
                  hint: use one of the profile's outputs (with --target or 'target:'): embedded, local, prod""");
    }

    @Test
    void aMisspeltDefaultTargetIsAnErrorAtTheProfilesTargetKey() {
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", PROFILES_FILE.replace("target: local", "target: lcoal"));

        assertThat(loadErrors()).containsExactly("""
                profiles.yml:2:11: error: target 'lcoal' is not an output of profile 'shop'
                  hint: did you mean 'local'?""");
    }

    @Test
    void aMisspeltProfileIsAnErrorAtTheProjectsProfileValue() {
        project().file("quarry_project.yml", "name: shop\nprofile: shpo\n").file("profiles.yml", PROFILES_FILE);

        assertThat(loadErrors()).containsExactly("""
                quarry_project.yml:2:10: error: profile 'shpo' is not in profiles.yml
                  hint: did you mean 'shop'?""");
    }

    @Test
    void anUnknownEngineTypeIsAnErrorWithASuggestion() {
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", PROFILES_FILE.replace("type: duckdb", "type: duckbd"));

        assertThat(loadErrors()).containsExactly("""
                profiles.yml:5:13: error: unknown engine type 'duckbd'
                  hint: did you mean 'duckdb'?""");
    }

    @Test
    void anEngineTypeFarFromAnyKnownOneListsThemAll() {
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", PROFILES_FILE.replace("type: duckdb", "type: snowflake"));

        assertThat(loadErrors()).containsExactly("""
                profiles.yml:5:13: error: unknown engine type 'snowflake'
                  hint: use duckdb, h2 or bigquery""");
    }

    @Test
    void threadsBelowOneAreAnError() {
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", PROFILES_FILE.replace("threads: 4", "threads: 0"));

        assertThat(loadErrors()).containsExactly("profiles.yml:8:16: error: threads must be at least 1");
    }

    @Test
    void threadsFromAnEnvironmentVariableAreAWholeNumber() {
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", PROFILES_FILE.replace("threads: 4", "threads: \"${env_var('THREADS', '2')}\""));

        assertThat(load(new LoadOptions(null, null, null, Map.of(), Map.of("THREADS", "16", "GCP_PROJECT", "p")))
                .target().threads()).isEqualTo(16);
    }

    @Test
    void aMissingEnvironmentVariableInTheActiveTargetIsAnError() {
        full();

        assertThat(loadErrors(new LoadOptions(null, null, "prod", Map.of(), Map.of()))).containsExactly("""
                profiles.yml:11:16: error: environment variable 'GCP_PROJECT' is not set
                  hint: set it, or give a default: env_var('GCP_PROJECT', 'value')""");
    }

    @Test
    void anEnvironmentVariableOfAnotherTargetIsNotNeeded() {
        full();

        Target target = load(new LoadOptions(null, null, "local", Map.of(), Map.of())).target();

        assertThat(target.name()).isEqualTo("local");
    }

    // ---- errors in project files ----

    @Test
    void aMissingProjectFileIsAnError() {
        ProjectDirectory.in(root()).file("models/a.sql", "select 1\n");

        ProjectException thrown = catchThrowableOfType(ProjectException.class, this::load);

        assertThat(thrown.getMessage()).isEqualTo("1 error; nothing was run.");
        assertThat(formatted(thrown.diagnostics())).containsExactly("quarry_project.yml: error: no quarry_project.yml "
                + "in " + root().toAbsolutePath().normalize() + "\n"
                + "  hint: run quarry from a project directory or pass --project-dir");
    }

    @Test
    void anEmptyProjectFileIsAnError() {
        project().file("quarry_project.yml", "# nothing yet\n");

        assertThat(loadErrors()).containsExactly("""
                quarry_project.yml: error: the project file is empty
                  hint: give at least 'name:' and 'profile:'""");
    }

    @Test
    void aProjectFileWithoutNameIsAnError() {
        project().file("quarry_project.yml", "profile: shop\n").file("profiles.yml", PROFILES_FILE);

        assertThat(loadErrors()).containsExactly("""
                quarry_project.yml:1:1: error: quarry_project.yml has no 'name'
                  hint: add 'name: ...'""");
    }

    @Test
    void aProjectNameThatIsNotAnIdentifierIsAnError() {
        project().file("quarry_project.yml", "name: my-shop\nprofile: shop\n").file("profiles.yml", PROFILES_FILE);

        assertThat(loadErrors()).containsExactly("""
                quarry_project.yml:1:7: error: project name 'my-shop' must be letters, digits and underscores
                  hint: rename it, e.g. 'my_shop'""");
    }

    @Test
    void anUnknownTopLevelKeyIsAWarningWithASuggestion() {
        project().file("quarry_project.yml", "name: shop\nprofile: shop\nmodel-path: [models]\n")
                .file("profiles.yml", PROFILES_FILE)
                .file("models/schema.yml", "version: 2\nmodel:\n  - name: a\n");

        Project project = load();

        assertThat(project.name()).isEqualTo("shop");
        assertThat(warnings()).containsExactly("""
                models/schema.yml:2:1: warning: unknown key 'model' in models/schema.yml
                  hint: did you mean 'models'?""", """
                quarry_project.yml:3:1: warning: unknown key 'model-path' in quarry_project.yml
                  hint: did you mean 'model-paths'?""");
        assertThat(diagnostics.hasErrors()).isFalse();
    }

    @Test
    void aModelThatIsNotUtf8IsAnErrorAtItsFirstBadByte() {
        byte[] prefix = "select 1 as a,\n       'ü' as b, 'caf".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "\u00e9' as c\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = new byte[prefix.length + latin1.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(latin1, 0, bytes, prefix.length, latin1.length);
        minimal().bytes("models/bad.sql", bytes);

        assertThat(loadErrors()).containsExactly("""
                models/bad.sql:2:22: error: the file is not valid UTF-8
                  hint: save it as UTF-8 (for example: iconv -f latin1 -t utf-8)""");
    }

    @Test
    void anEmptyModelIsAnError() {
        minimal().file("models/staging/empty.sql", " \n\t\n");

        assertThat(loadErrors()).containsExactly("""
                models/staging/empty.sql:1:1: error: the model is empty
                  hint: write one SELECT statement, or delete the file""");
    }

    @Test
    void twoModelsWithTheSameNameAreAnErrorNamingBothPaths() {
        minimal()
                .file("models/staging/orders.sql", "select 1\n")
                .file("models/marts/orders.sql", "select 2\n");

        assertThat(loadErrors()).containsExactly("""
                models/staging/orders.sql:1:1: error: two models or seeds are named 'orders': models/marts/orders.sql \
                and models/staging/orders.sql
                  hint: rename one of the files; names must be unique in a project""");
    }

    @Test
    void aModelAndASeedWithTheSameNameAreAnError() {
        minimal()
                .file("models/countries.sql", "select 1\n")
                .file("seeds/countries.csv", "code\nUS\n");

        assertThat(loadErrors()).containsExactly("""
                seeds/countries.csv:1:1: error: two models or seeds are named 'countries': models/countries.sql \
                and seeds/countries.csv
                  hint: rename one of the files; names must be unique in a project""");
    }

    @Test
    void aDocBlockDefinedTwiceIsAnErrorNamingTheFirst() {
        minimal()
                .file("models/a.md", "<#-- docs grain -->\nOne row per order.\n<#-- enddocs -->\n")
                .file("models/b.md", "# B\n\n<#-- docs grain -->\nOther.\n<#-- enddocs -->\n");

        assertThat(loadErrors()).containsExactly("""
                models/b.md:3:1: error: doc block 'grain' is defined twice
                  hint: the other one is at models/a.md:1:1; rename one of them""");
    }

    @Test
    void anUnclosedDocBlockIsAnErrorWhereItOpens() {
        minimal().file("models/docs.md", "# Docs\n\n  <#-- docs grain -->\nOne row per order.\n");

        assertThat(loadErrors()).containsExactly("""
                models/docs.md:3:3: error: doc block 'grain' is not closed (or its name is not a plain identifier)
                  hint: end it with <#-- enddocs -->""");
    }

    @Test
    void anUnclosedDocBlockDoesNotSwallowTheNextOne() {
        minimal().file("models/docs.md", """
                <#-- docs first -->
                Never closed.
                <#-- docs second -->
                Closed.
                <#-- enddocs -->
                """);

        ProjectException thrown = catchThrowableOfType(ProjectException.class, this::load);

        assertThat(formatted(thrown.diagnostics())).containsExactly("""
                models/docs.md:1:1: error: doc block 'first' is not closed (or its name is not a plain identifier)
                  hint: end it with <#-- enddocs -->""");
    }

    @Test
    void aDocBlockWhoseNameIsNotAnIdentifierIsAnError() {
        minimal().file("models/docs.md", "<#-- docs order-grain -->\ntext\n<#-- enddocs -->\n");

        assertThat(loadErrors()).containsExactly("""
                models/docs.md:1:1: error: doc block 'order-grain' is not closed (or its name is not a plain \
                identifier)
                  hint: end it with <#-- enddocs -->""");
    }

    @Test
    void dataTestsInUnsupportedShapesAreErrors() {
        minimal().file("models/schema.yml", """
                version: 2
                models:
                  - name: orders
                    columns:
                      - name: status
                        data_tests:
                          - accepted_values:
                              values: [placed]
                            severity: warn
                          - 5
                          - relationships: [dim_customers]
                          - {}
                """);

        assertThat(loadErrors()).containsExactly("""
                models/schema.yml:7:13: error: a data test must be one 'test_name: {arguments}' entry
                  hint: put the arguments one level deeper, under the test name""",
                "models/schema.yml:10:13: error: a data test must be a test name or 'test_name: {arguments}', "
                        + "not the number 5",
                "models/schema.yml:11:28: error: the arguments of test 'relationships' must be a mapping "
                        + "(key: value lines), not a list",
                "models/schema.yml:12:13: error: a data test must be a test name or 'test_name: {arguments}', "
                        + "not a mapping");
    }

    @Test
    void dataTestsInTheOtherSupportedShapesAreRead() {
        minimal().file("models/schema.yml", """
                version: 2
                models:
                  - name: orders
                    data_tests:
                      - unique_combination:
                          arguments: {columns: [a, b]}
                          config: {where: "a > 0"}
                      - test_name: expression_is_true
                        name: positive_total
                        expression: "total >= 0"
                      - not_empty:
                """);

        NodeProperties model = load().properties().models().get(0);

        assertThat(model.tests()).containsExactly(
                new TestDefinition("unique_combination", Map.of("columns", List.of("a", "b")),
                        Map.of("where", new ConfigValue("a > 0", at("models/schema.yml", 7, 27))), null,
                        at("models/schema.yml", 5, 9)),
                new TestDefinition("expression_is_true", Map.of("expression", "total >= 0"), Map.of(),
                        "positive_total", at("models/schema.yml", 8, 9)),
                new TestDefinition("not_empty", Map.of(), Map.of(), null, at("models/schema.yml", 11, 9)));
    }

    @Test
    void aMissingVarInAPropertiesFileIsAnErrorAtTheValue() {
        minimal().file("models/schema.yml", """
                version: 2
                models:
                  - name: orders
                    description: "Since ${var('start_date')}"
                """);

        assertThat(loadErrors()).containsExactly("""
                models/schema.yml:4:18: error: var 'start_date' has no value and no default
                  hint: define it under 'vars:' in quarry_project.yml, pass --vars '{start_date: ...}', \
                or give a default: var('start_date', 'value')""");
    }

    @Test
    void aUnitTestFixtureInAnUnknownFormatIsAnError() {
        minimal().file("models/schema.yml", """
                unit_tests:
                  - name: t
                    model: orders
                    given:
                      - input: "ref('x')"
                        format: sql
                        rows: "select 1"
                    expect: {rows: []}
                """);

        assertThat(loadErrors()).containsExactly("""
                models/schema.yml:6:17: error: unknown fixture format 'sql'
                  hint: use 'dict' (YAML rows) or 'csv'""");
    }

    @Test
    void aUnitTestWithoutExpectationIsAnError() {
        minimal().file("models/schema.yml", """
                unit_tests:
                  - name: t
                    model: orders
                    given: []
                """);

        assertThat(loadErrors()).containsExactly("""
                models/schema.yml:2:5: error: unit test has no 'expect'
                  hint: add 'expect: {rows: [...]}' with the rows the model must return""");
    }

    @Test
    void aFixtureWithBothRowsAndAFixtureFileIsAnError() {
        minimal().file("models/schema.yml", """
                unit_tests:
                  - name: t
                    model: orders
                    expect:
                      fixture: expected_orders
                      rows: [{id: 1}]
                """);

        assertThat(loadErrors()).containsExactly(
                "models/schema.yml:5:7: error: give either 'rows' or 'fixture', not both");
    }

    @Test
    void aSourceWithoutTablesIsAWarningAndItsSchemaDefaultsToItsName() {
        minimal().file("models/sources.yml", """
                version: 2
                sources:
                  - name: raw_shop
                    description: nothing yet
                """);

        Project project = load();

        assertThat(project.properties().sources()).extracting(SourceDefinition::schema).containsExactly("raw_shop");
        assertThat(warnings()).containsExactly("""
                models/sources.yml:3:5: warning: source 'raw_shop' declares no tables
                  hint: add 'tables:' with at least one '- name: ...'""");
    }

    @Test
    void everyErrorOfEveryFileIsReportedAtOnceSorted() {
        minimal()
                .file("models/empty.sql", "")
                .file("models/broken.yml", "models: a: b\n")
                .file("models/docs.md", "<#-- docs open -->\n");

        ProjectException thrown = catchThrowableOfType(ProjectException.class, this::load);

        assertThat(thrown.getMessage()).isEqualTo("3 errors; nothing was run.");
        assertThat(thrown.diagnostics()).extracting(Diagnostic::location).containsExactly(
                at("models/broken.yml", 1, 10),
                at("models/docs.md", 1, 1),
                at("models/empty.sql", 1, 1));
    }

    private void profilesWithSchemaEverywhere(Path flags, Path home) {
        project().file("quarry_project.yml", "name: shop\nprofile: shop\n")
                .file("profiles.yml", profileWithSchema("from_project"));
        ProjectDirectory.in(flags).file("profiles.yml", profileWithSchema("from_flag"));
        ProjectDirectory.in(home).file(".quarry/profiles.yml", profileWithSchema("from_home"));
    }

    private static String profileWithSchema(String schema) {
        return "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      schema: " + schema + "\n";
    }

    private static Map<String, Object> orderedMap(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            map.put((String) keysAndValues[index], keysAndValues[index + 1]);
        }
        return map;
    }
}
