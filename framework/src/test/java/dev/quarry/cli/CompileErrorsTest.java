package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One test per kind of project error {@code quarry compile} reports: each asserts the exit code and the exact text on
 * standard error ({@code file:line:col: error: message}, the hint, the count). Project errors exit with 3, usage
 * errors with 2; nothing reaches standard output when the project has errors.
 */
class CompileErrorsTest {

    @TempDir
    Path dir;

    private TestProject project;

    @BeforeEach
    void minimalProject() {
        project = TestProject.in(dir);
    }

    // --- YAML and config ---------------------------------------------------------------------------------------

    @Test
    void yamlSyntaxError() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            description: one row: per order
                        """);

        assertProjectErrors("""
                models/schema.yml:4:25: error: YAML syntax error: mapping values are not allowed here
                  hint: check the indentation and quoting on this line and the one before it
                1 error; nothing was run.
                """);
    }

    @Test
    void configValueOfTheWrongType() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              materialized: 5
                        """);

        assertProjectErrors("""
                models/schema.yml:5:21: error: config 'materialized' must be a string, not the number 5
                1 error; nothing was run.
                """);
    }

    @Test
    void malformedPartitionByIsAnError() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              partition_by: {data_type: date}
                        """);

        assertProjectErrors("""
                models/schema.yml:5:21: error: partition_by needs a 'field': the column to partition on
                  hint: write it as dbt-bigquery does: {field: created_at, data_type: timestamp, granularity: day}
                1 error; nothing was run.
                """);
    }

    @Test
    void malformedPartitionByInTheModelsFileIsAnErrorThere() {
        project.file("models/events.sql", "<@config partition_by={'field': 'at', 'data_type': 'date', "
                + "'granularity': 'hour'} />\nselect current_date as at\n");

        assertProjectErrors("""
                models/events.sql:1:1: error: partition_by cannot split a date column by hour; use day, month or year, \
                or partition on a timestamp
                  hint: write it as dbt-bigquery does: {field: created_at, data_type: timestamp, granularity: day}
                1 error; nothing was run.
                """);
    }

    @Test
    void incrementalStrategyTheTargetEngineDoesNotHave() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              materialized: incremental
                              incremental_strategy: insert_overwrite
                        """);

        assertProjectErrors("""
                models/schema.yml:6:29: error: incremental_strategy 'insert_overwrite' is not supported on duckdb
                  hint: use one of 'merge', 'delete+insert', 'append' ('merge' and 'delete+insert' match rows on \
                the unique_key)
                1 error; nothing was run.
                """);
    }

    @Test
    void incrementalStrategyWithoutWhatItNeeds() {
        project.file("models/orders.sql", "<@config materialized='incremental' incremental_strategy='merge' />\n"
                + "select 1 as id\n");

        assertProjectErrors("""
                models/orders.sql:1:1: error: incremental_strategy 'merge' needs a unique_key
                  hint: set unique_key to the column (or list of columns) that identifies a row, or use \
                incremental_strategy 'append'
                1 error; nothing was run.
                """);
    }

    @Test
    void unknownConfigKeyIsAWarningWithDidYouMean() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              materialised: table
                        """);

        TestProject.Result result = project.run("compile");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEqualTo("""
                models/schema.yml:5:7: warning: unknown config key 'materialised'
                  hint: did you mean 'materialized'?
                """);
        assertThat(result.stdout()).contains("Compiled 1 nodes");
    }

    @Test
    void grantsAreAWarningSinceQuarryDoesNotApplyThem() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              grants: {select: ["user:analyst@example.com"]}
                        """);

        TestProject.Result result = project.run("compile");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEqualTo("""
                models/schema.yml:5:7: warning: config 'grants' is read but not applied: Quarry grants no privileges
                  hint: grant access outside Quarry (on BigQuery, with IAM roles on the dataset), or remove the key
                """);
    }

    @Test
    void keysDbtActsOnAndQuarryDoesNotAreWarningsThatSaySo() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            access: private
                            columns:
                              - name: id
                                policy_tags: [projects/p/locations/us/taxonomies/1/policyTags/2]
                        """);

        TestProject.Result result = project.run("compile");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEqualTo("""
                models/schema.yml:4:5: warning: 'access' of a model is read but not used
                  hint: a project is one package in Quarry, so access does not restrict ref()
                models/schema.yml:7:9: warning: 'policy_tags' of a column is read but not used
                  hint: Quarry sets no BigQuery policy tags: set them on the table outside Quarry
                """);
    }

    @Test
    void unknownConfigKeyIsAnErrorUnderStrict() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              materialised: table
                        """);

        assertProjectErrors(project.run("compile", "--strict"), """
                models/schema.yml:5:7: error: unknown config key 'materialised'
                  hint: did you mean 'materialized'?
                1 error; nothing was run.
                """);
    }

    @Test
    void unknownMaterialization() {
        project.file("models/orders.sql", """
                <@config materialized='tabel' />
                select 1 as id
                """);

        assertProjectErrors("""
                models/orders.sql:1:1: error: config 'materialized' has an unknown value 'tabel'
                  hint: did you mean 'table'?
                1 error; nothing was run.
                """);
    }

    // --- files -------------------------------------------------------------------------------------------------

    @Test
    void twoModelsWithOneName() {
        project.file("models/staging/orders.sql", "select 1 as id\n")
                .file("models/marts/orders.sql", "select 2 as id\n");

        assertProjectErrors("""
                models/staging/orders.sql:1:1: error: two models or seeds are named 'orders': models/marts/orders.sql \
                and models/staging/orders.sql
                  hint: rename one of the files; names must be unique in a project
                1 error; nothing was run.
                """);
    }

    @Test
    void fileThatIsNotUtf8() {
        byte[] latin1 = "select 1 as id\n-- café\n".getBytes(StandardCharsets.ISO_8859_1);
        project.bytes("models/orders.sql", latin1);

        assertProjectErrors("""
                models/orders.sql:2:7: error: the file is not valid UTF-8
                  hint: save it as UTF-8 (for example: iconv -f latin1 -t utf-8)
                1 error; nothing was run.
                """);
    }

    @Test
    void fileThatCannotBeRead() {
        // Tests run as root, so file permissions do not stop reading; /proc/self/mem is a regular file whose first
        // bytes can never be read (EIO) on Linux.
        Path unreadable = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(unreadable), "needs Linux /proc");
        project.file("models/orders.sql", "select 1 as id\n").symlink("models/memory.sql", unreadable);

        assertProjectErrors("""
                models/memory.sql:1:1: error: cannot read the file: input/output error
                  hint: check that it exists and that you may read it
                1 error; nothing was run.
                """);
    }

    @Test
    void emptyModel() {
        project.file("models/orders.sql", "\n   \n");

        assertProjectErrors("""
                models/orders.sql:1:1: error: the model is empty
                  hint: write one SELECT statement, or delete the file
                1 error; nothing was run.
                """);
    }

    // --- profiles ----------------------------------------------------------------------------------------------

    @Test
    void missingProfile() {
        project.file("quarry_project.yml", """
                        name: shop
                        profile: shopp
                        """)
                .file("models/orders.sql", "select 1 as id\n");

        assertProjectErrors("""
                quarry_project.yml:2:10: error: profile 'shopp' is not in profiles.yml
                  hint: did you mean 'shop'?
                1 error; nothing was run.
                """);
    }

    @Test
    void missingProfilesFile() {
        project.delete("profiles.yml").file("models/orders.sql", "select 1 as id\n");

        assertProjectErrors("""
                quarry_project.yml:2:10: error: no profiles.yml found for profile 'shop'
                  hint: create profiles.yml in the project directory (or pass --profiles-dir); looked in: %s
                1 error; nothing was run.
                """.formatted(dir.resolve("profiles.yml")));
    }

    @Test
    void missingTarget() {
        project.file("models/orders.sql", "select 1 as id\n");

        assertProjectErrors(project.run("--target", "prod", "compile"), """
                --target: error: target 'prod' is not an output of profile 'shop'
                  hint: use one of the profile's outputs (with --target or 'target:'): dev
                1 error; nothing was run.
                """);
    }

    // --- references and the graph ------------------------------------------------------------------------------

    @Test
    void unknownRefWithDidYouMean() {
        project.file("models/stg_orders.sql", "select 1 as id\n")
                .file("models/fct_orders.sql", """
                        select *
                        from ${ref('stg_order')}
                        """);

        assertProjectErrors("""
                models/fct_orders.sql:2:6: error: ref('stg_order') names no model or seed
                  hint: did you mean 'stg_orders'?
                1 error; nothing was run.
                """);
    }

    @Test
    void unknownSourceWithDidYouMean() {
        project.file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: shop_raw
                            tables:
                              - name: orders
                        """)
                .file("models/stg_orders.sql", """
                        select *
                        from ${source('shop_rw', 'orders')}
                        """);

        assertProjectErrors("""
                models/stg_orders.sql:2:6: error: source('shop_rw', 'orders') names no declared source 'shop_rw'
                  hint: did you mean 'shop_raw'?
                1 error; nothing was run.
                """);
    }

    @Test
    void unknownSourceTableWithDidYouMean() {
        project.file("models/sources.yml", """
                        version: 2
                        sources:
                          - name: shop_raw
                            tables:
                              - name: orders
                        """)
                .file("models/stg_orders.sql", """
                        select *
                        from ${source('shop_raw', 'order')}
                        """);

        assertProjectErrors("""
                models/stg_orders.sql:2:6: error: source 'shop_raw' has no table 'order'
                  hint: did you mean 'orders'?
                1 error; nothing was run.
                """);
    }

    @Test
    void dependencyCycle() {
        project.file("models/a.sql", "select * from ${ref('c')}\n")
                .file("models/b.sql", "select * from ${ref('a')}\n")
                .file("models/c.sql", "select * from ${ref('b')}\n");

        assertProjectErrors("""
                models/a.sql:1:17: error: dependency cycle: a > c > b > a
                  hint: remove one of these refs: a refs c at models/a.sql:1:17, c refs b at models/c.sql:1:17, \
                b refs a at models/b.sql:1:17
                1 error; nothing was run.
                """);
    }

    // --- templates ---------------------------------------------------------------------------------------------

    @Test
    void templateSyntaxError() {
        project.file("models/orders.sql", "select * from ${ref('a'}\n");

        assertProjectErrors("""
                models/orders.sql:1:24: error: template syntax error: Encountered "}", but at this place only this \
                can be closed: "(".
                  hint: check the FreeMarker syntax: ${...} for values, <#if ...>...</#if>, <@config key='value' />
                1 error; nothing was run.
                """);
    }

    @Test
    void undefinedTemplateVariable() {
        project.file("models/orders.sql", """
                select 1 as id
                where region = ${region}
                """);

        assertProjectErrors("""
                models/orders.sql:2:18: error: undefined template variable 'region'
                  hint: define it (for example with <#assign>), give a default with '!' (region!'default'), or check \
                its spelling
                1 error; nothing was run.
                """);
    }

    @Test
    void errorsInHooksAreReportedWhereEachHookIsSetWithTheirPlaceInIt() {
        project.file("quarry_project.yml", """
                        name: shop
                        profile: shop
                        models:
                          shop:
                            +pre_hook: "select ${outer}"
                            +post_hook: "select ${oops}"
                        on-run-end:
                          - "select 1"
                          - "select ${missing}"
                        """)
                .file("models/orders.sql", """
                        <@config materialized='table'
                            pre_hook=r"insert into audit values (${nope})" />
                        select 1 as id
                        """);

        assertProjectErrors("""
                models/orders.sql:1:1: error: pre_hook[1], line 1, column 29: undefined template variable 'nope'
                  hint: define it (for example with <#assign>), give a default with '!' (nope!'default'), or check its \
                spelling
                quarry_project.yml:5:16: error: pre_hook[0], line 1, column 10: undefined template variable 'outer'
                  hint: define it (for example with <#assign>), give a default with '!' (outer!'default'), or check its \
                spelling
                quarry_project.yml:6:17: error: post_hook[0], line 1, column 10: undefined template variable 'oops'
                  hint: define it (for example with <#assign>), give a default with '!' (oops!'default'), or check its \
                spelling
                quarry_project.yml:9:5: error: on-run-end hook, line 1, column 10: undefined template variable 'missing'
                  hint: define it (for example with <#assign>), give a default with '!' (missing!'default'), or check \
                its spelling
                4 errors; nothing was run.
                """);
    }

    @Test
    void varWithoutValueOrDefault() {
        project.file("models/orders.sql", """
                select 1 as id
                where ordered_at >= '${var('start_date')}'
                """);

        assertProjectErrors("""
                models/orders.sql:2:22: error: var 'start_date' has no value and no default
                  hint: define it under 'vars:' in quarry_project.yml, pass --vars '{start_date: ...}', or give a \
                default: var('start_date', 'value')
                1 error; nothing was run.
                """);
    }

    @Test
    void missingEnvVar() {
        project.file("models/orders.sql", """
                select 1 as id
                where region = '${env_var('SHOP_REGION')}'
                """);

        assertProjectErrors("""
                models/orders.sql:2:17: error: environment variable 'SHOP_REGION' is not set
                  hint: set it, or give a default: env_var('SHOP_REGION', 'value')
                1 error; nothing was run.
                """);
    }

    @Test
    void errorInsideAMacroShowsTheMacroAndTheCallSite() {
        project.file("macros/money.ftl", """
                        <#function cents_to_dollars column>
                          <#return "(" + column + " / 100.0)" + scale>
                        </#function>
                        """)
                .file("models/orders.sql", """
                        select
                          ${cents_to_dollars("amount")} as dollars
                        from raw_orders
                        """);

        assertProjectErrors("""
                macros/money.ftl:2:41: error: undefined template variable 'scale'
                  hint: define it (for example with <#assign>), give a default with '!' (scale!'default'), or check \
                its spelling (called from models/orders.sql:2:3)
                1 error; nothing was run.
                """);
    }

    // --- data tests ----------------------------------------------------------------------------------------------

    @Test
    void dataTestErrorsAreReportedTogetherAtTheirYamlLines() {
        project.file("models/orders.sql", "select 1 as id, 'new' as status\n")
                .file("macros/tests.ftl", """
                        <#macro test_is_even model column_name>select * from ${model} where mod(${column_name}, 2) = 1</#macro>
                        """)
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            data_tests:
                              - uniqe
                              - not_null
                              - expression_is_true: {expresion: "id > 0"}
                            columns:
                              - name: status
                                data_tests:
                                  - accepted_values: {valeus: [new]}
                                  - is_even: {divisor: 2}
                                  - not_empty
                        """);

        assertProjectErrors("""
                models/schema.yml:5:9: error: unknown data test 'uniqe'
                  hint: did you mean 'unique'?
                models/schema.yml:6:9: error: data test 'not_null' needs the argument 'column_name'
                  hint: put it under a column's data_tests, or give 'column_name: ...'
                models/schema.yml:7:9: error: data test 'expression_is_true' has no argument 'expresion'
                  hint: did you mean 'expression'?
                models/schema.yml:11:13: error: data test 'accepted_values' has no argument 'valeus'
                  hint: did you mean 'values'?
                models/schema.yml:12:13: error: data test 'is_even' has no argument 'divisor'
                  hint: it takes column_name
                5 errors; nothing was run.
                """);
    }

    @Test
    void errorInsideAGenericTestsMacroShowsTheYamlLineAndTheMacro() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("macros/tests.ftl", """
                        <#macro test_is_even model column_name>
                        select * from ${model} where mod(${column_name}, ${divisor}) = 1
                        </#macro>
                        """)
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            columns:
                              - name: id
                                data_tests: [is_even]
                        """);

        assertProjectErrors("""
                models/schema.yml:6:22: error: data test 'is_even_orders_id': undefined template variable 'divisor'
                  hint: define it (for example with <#assign>), give a default with '!' (divisor!'default'), or check \
                its spelling; the error is at macros/tests.ftl:2:52, in the test's macro
                1 error; nothing was run.
                """);
    }

    @Test
    void twoDataTestsWithOneNameAreReportedAtTheOneInTheLaterModelFile() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/customers.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            columns:
                              - name: id
                                data_tests:
                                  - unique: {name: id_is_unique}
                          - name: customers
                            columns:
                              - name: id
                                data_tests:
                                  - unique: {name: id_is_unique}
                        """);

        assertProjectErrors("""
                models/schema.yml:7:13: error: two data tests are named 'id_is_unique' (the other is at \
                models/schema.yml:12:13)
                  hint: remove the duplicate, or give one of them a 'name:'
                1 error; nothing was run.
                """);
    }

    @Test
    void thresholdThatIsNotAComparison() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            columns:
                              - name: id
                                data_tests:
                                  - unique: {config: {warn_if: "more than 3"}}
                        """);

        assertProjectErrors("""
                models/schema.yml:7:40: error: config 'warn_if' must be a comparison with a number of failing rows, not 'more than 3'
                  hint: write it as dbt does: "!=0", ">10", ">=5"
                1 error; nothing was run.
                """);
    }

    @Test
    void unitTestErrorsAreReportedTogetherAtTheirYamlLines() {
        project.file("seeds/raw_orders.csv", "order_id,amount\n1,5\n")
                .file("models/orders.sql", "select order_id, amount from ${ref('raw_orders')}\n")
                .file("models/totals.sql", "select sum(amount) as total from ${ref('orders')}\n")
                .file("models/unit_tests.yml", """
                        version: 2
                        unit_tests:
                          - name: names_a_column_the_seed_lacks
                            model: orders
                            given:
                              - {input: "ref('raw_orders')", rows: [{order_id: 1, amout: 6}]}
                            expect: {rows: [{order_id: 1}]}
                          - name: gives_what_the_model_never_reads
                            model: orders
                            given:
                              - {input: "ref('raw_orders')", rows: []}
                              - {input: "ref('totals')", rows: []}
                            expect: {rows: []}
                          - name: writes_an_input_wrongly
                            model: orders
                            given:
                              - {input: raw_orders, rows: []}
                            expect: {rows: []}
                          - name: forgets_an_input
                            model: totals
                            given: []
                            expect: {rows: []}
                          - name: overrides_a_macro
                            model: totals
                            overrides: {macros: {current_timestamp: "2024-01-01"}}
                            given:
                              - {input: "ref('orders')", rows: []}
                            expect: {rows: []}
                          - name: misses_its_fixture
                            model: totals
                            given:
                              - {input: "ref('orders')", format: csv, fixture: no_such_file}
                            expect: {rows: []}
                        """);

        assertProjectErrors("""
                models/unit_tests.yml:6:9: error: unit test 'names_a_column_the_seed_lacks' gives ref('raw_orders') a column 'amout' it does not have (it has order_id, amount)
                  hint: did you mean 'amount'?
                models/unit_tests.yml:12:9: error: model 'orders' never reads ref('totals'), which unit test 'gives_what_the_model_never_reads' gives rows for
                  hint: remove it, or check its name: the model reads ref('raw_orders')
                models/unit_tests.yml:17:9: error: a unit test input must be ref('model'), source('source', 'table') or this, not 'raw_orders'
                  hint: write input: "ref('raw_orders')"
                models/unit_tests.yml:19:5: error: unit test 'forgets_an_input': the unit test gives no rows for ref('orders'), which the model reads (at models/totals.sql:1:34)
                  hint: add '- input: "ref('orders')"' under given, with its rows ('rows: []' for none)
                models/unit_tests.yml:23:5: error: unit test 'overrides_a_macro' overrides the macro 'current_timestamp', which cannot be overridden
                  hint: only is_incremental can be; use vars for values that change between runs
                models/unit_tests.yml:32:9: error: there is no fixture file 'no_such_file.csv'
                  hint: put it in tests/fixtures/, or give the rows inline
                6 errors; nothing was run.
                """);
    }

    // --- the command line --------------------------------------------------------------------------------------

    @Test
    void badSelectorSyntaxIsAUsageError() {
        project.file("models/orders.sql", "select 1 as id\n");

        TestProject.Result result = project.run("compile", "--select", "+orders+++");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("""
                usage error: bad selector '+orders+++': '+' appears twice after the name; write 'x+' for all \
                descendants or 'x+2' for two levels
                """);
        assertThat(result.stdout()).isEmpty();
    }

    // --- all at once, sorted -----------------------------------------------------------------------------------

    @Test
    void allTemplateErrorsOfAProjectAreReportedTogetherSortedByFileAndLine() {
        project.file("models/staging/stg_orders.sql", """
                        select 1 as id
                        where region = ${region}
                        """)
                .file("models/marts/fct_orders.sql", """
                        select *
                        from ${ref('stg_order')}
                        """)
                .file("models/marts/fct_revenue.sql", """
                        select 1 as revenue
                        where ordered_at >= '${var('start_date')}'
                        """)
                .file("models/marts/dim_region.sql", "select '${env_var('SHOP_REGION')}' as region\n");

        assertProjectErrors("""
                models/marts/dim_region.sql:1:9: error: environment variable 'SHOP_REGION' is not set
                  hint: set it, or give a default: env_var('SHOP_REGION', 'value')
                models/marts/fct_orders.sql:2:6: error: ref('stg_order') names no model or seed
                  hint: did you mean 'stg_orders'?
                models/marts/fct_revenue.sql:2:22: error: var 'start_date' has no value and no default
                  hint: define it under 'vars:' in quarry_project.yml, pass --vars '{start_date: ...}', or give a \
                default: var('start_date', 'value')
                models/staging/stg_orders.sql:2:18: error: undefined template variable 'region'
                  hint: define it (for example with <#assign>), give a default with '!' (region!'default'), or check \
                its spelling
                4 errors; nothing was run.
                """);
    }

    @Test
    void allLoadErrorsOfAProjectAreReportedTogetherSortedByFileAndLine() {
        project.file("models/staging/orders.sql", "select 1 as id\n")
                .file("models/marts/orders.sql", "select 2 as id\n")
                .file("models/marts/empty.sql", "")
                .bytes("models/marts/latin1.sql", "select 'é' as e\n".getBytes(StandardCharsets.ISO_8859_1))
                .file("models/marts/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              materialized: 5
                              enabled: maybe
                        """);

        assertProjectErrors("""
                models/marts/empty.sql:1:1: error: the model is empty
                  hint: write one SELECT statement, or delete the file
                models/marts/latin1.sql:1:9: error: the file is not valid UTF-8
                  hint: save it as UTF-8 (for example: iconv -f latin1 -t utf-8)
                models/marts/schema.yml:5:21: error: config 'materialized' must be a string, not the number 5
                models/marts/schema.yml:6:16: error: config 'enabled' must be true or false, not the string 'maybe'
                models/staging/orders.sql:1:1: error: two models or seeds are named 'orders': models/marts/orders.sql \
                and models/staging/orders.sql
                  hint: rename one of the files; names must be unique in a project
                5 errors; nothing was run.
                """);
    }

    // --- stack traces and JSON ---------------------------------------------------------------------------------

    @Test
    void noStackTraceWithoutDebug() {
        projectWithAConfigTypeError();

        TestProject.Result result = project.run("compile");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void debugAddsTheStackTrace() {
        projectWithAConfigTypeError();

        TestProject.Result result = project.run("--debug", "compile");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr())
                .startsWith("""
                        models/schema.yml:5:21: error: config 'materialized' must be a string, not the number 5
                        1 error; nothing was run.
                        dev.quarry.error.ProjectException: 1 error; nothing was run.
                        \tat\s""")
                .contains("\tat dev.quarry.");
    }

    @Test
    void jsonLogFormatPrintsOneErrorPerLineWithItsLocation() throws Exception {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            description: one row: per order
                        """)
                .bytes("models/latin1.sql", "select 'é' as e\n".getBytes(StandardCharsets.ISO_8859_1));

        TestProject.Result result = project.run("--log-format", "json", "compile");

        assertThat(result.exitCode()).isEqualTo(3);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = result.stdout().lines().map(line -> read(json, line)).toList();
        assertThat(events).allSatisfy(event -> assertThat(event.path("ts").asText()).isNotEmpty());
        assertThat(events).map(CompileErrorsTest::withoutTimestamp).containsExactly(
                Map.of("severity", "ERROR", "message", "the file is not valid UTF-8", "file", "models/latin1.sql",
                        "line", 1, "column", 9, "hint", "save it as UTF-8 (for example: iconv -f latin1 -t utf-8)"),
                Map.of("severity", "ERROR", "message", "YAML syntax error: mapping values are not allowed here",
                        "file", "models/schema.yml", "line", 4, "column", 25,
                        "hint", "check the indentation and quoting on this line and the one before it"),
                Map.of("severity", "ERROR", "message", "2 errors; nothing was run."));
        assertThat(result.stderr()).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void projectWithAConfigTypeError() {
        project.file("models/orders.sql", "select 1 as id\n")
                .file("models/schema.yml", """
                        version: 2
                        models:
                          - name: orders
                            config:
                              materialized: 5
                        """);
    }

    /** Runs {@code quarry compile} and expects a project error with exactly this text on standard error. */
    private void assertProjectErrors(String expectedStderr) {
        assertProjectErrors(project.run("compile"), expectedStderr);
    }

    private static void assertProjectErrors(TestProject.Result result, String expectedStderr) {
        assertThat(result.stderr()).isEqualTo(expectedStderr);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (Exception notJson) {
            throw new AssertionError("not a JSON line: " + line, notJson);
        }
    }

    private static Map<String, Object> withoutTimestamp(JsonNode event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        event.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("ts")) {
                JsonNode value = field.getValue();
                fields.put(field.getKey(), value.isInt() ? (Object) value.intValue() : value.asText());
            }
        });
        return fields;
    }
}
