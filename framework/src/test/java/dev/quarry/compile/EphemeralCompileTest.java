package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.quarry.adapter.Dialects;
import dev.quarry.cli.FixtureProject;
import dev.quarry.error.Diagnostics;
import dev.quarry.error.ProjectException;
import dev.quarry.project.LoadOptions;
import dev.quarry.project.Project;
import dev.quarry.project.ProjectLoader;

/**
 * Ephemeral models, compiled through the real command line in-process on the fixture project
 * {@code projects/ephemeral}: {@code base_orders} (ephemeral by folder config) is used by {@code paid_orders}
 * (ephemeral, with a WITH clause of its own), both by {@code customer_totals} (ephemeral in-file: a diamond), and that
 * by the table {@code fct_customers}; {@code order_numbers} has a WITH RECURSIVE clause, {@code order_ids} a plain
 * select, and a singular test uses {@code paid_orders}. {@code dim_statuses} uses no ephemeral model.
 */
class EphemeralCompileTest {

    private static final String BASE_ORDERS_CTE = """
            __quarry__cte__base_orders as (
            -- one row per order, amounts in units
            select order_id, customer_id, amount_cents / 100.0 as amount, status
            from "main"."raw_orders"
            )""";
    private static final String PAID_ORDERS_CTE = """
            __quarry__cte__paid_orders as (
            with paid as (
                select * from __quarry__cte__base_orders where status = 'paid'
            )
            select order_id, customer_id, amount from paid
            )""";
    private static final String CUSTOMER_TOTALS_CTE = """
            __quarry__cte__customer_totals as (
            select
                b.customer_id,
                count(*) as orders,
                sum(p.amount) as paid_amount
            from __quarry__cte__base_orders as b
            left join __quarry__cte__paid_orders as p on p.order_id = b.order_id
            group by b.customer_id
            )""";

    @TempDir
    Path project;

    private FixtureProject fixture;

    @BeforeEach
    void copyFixture() {
        fixture = FixtureProject.copy("ephemeral", project);
    }

    private int quarry(String... arguments) {
        return fixture.run(arguments);
    }

    private String stdout() {
        return fixture.stdout();
    }

    private String stderr() {
        return fixture.stderr();
    }

    private String compiled(String path) throws IOException {
        return Files.readString(project.resolve("target/compiled").resolve(path));
    }

    private JsonNode manifest() throws IOException {
        return new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile());
    }

    @Test
    void aNestedChainOfEphemeralModelsIsInlinedOnceEachInDependencyOrder() throws IOException {
        assertThat(quarry("compile")).isZero();

        assertThat(stderr()).as("JSqlParser parses every compiled node").isEmpty();
        assertThat(stdout()).contains("Found 7 models, 1 seed, 1 data test, 0 unit tests, 0 sources, 0 exposures; "
                + "9 selected").contains("Compiled 8 nodes (8 rendered, 0 unchanged)");
        // The leading comment stays first; the model's own WITH clause gets the CTEs in front of its own.
        assertThat(compiled("models/marts/fct_customers.sql")).isEqualTo("""
                /* Customers with their order totals. */
                with %s, %s, %s, ranked as (
                    select customer_id, paid_amount, rank() over (order by paid_amount desc) as paid_rank
                    from __quarry__cte__customer_totals
                )
                select * from ranked
                """.formatted(BASE_ORDERS_CTE, PAID_ORDERS_CTE, CUSTOMER_TOTALS_CTE));
        assertThat(compiled("models/marts/order_ids.sql")).isEqualTo("""
                with %s
                select order_id from __quarry__cte__base_orders;
                """.formatted(BASE_ORDERS_CTE));
        assertThat(compiled("models/marts/order_numbers.sql")).isEqualTo("""
                WITH RECURSIVE %s, %s, numbers(n) AS (
                    select 1
                    union all
                    select n + 1 from numbers where n < 3
                )
                select numbers.n, p.order_id
                from numbers
                join __quarry__cte__paid_orders as p on p.order_id = numbers.n
                """.formatted(BASE_ORDERS_CTE, PAID_ORDERS_CTE));
        assertThat(compiled("tests/assert_paid_amounts_positive.sql")).isEqualTo("""
                with %s, %s
                select * from __quarry__cte__paid_orders where amount <= 0
                """.formatted(BASE_ORDERS_CTE, PAID_ORDERS_CTE));
        assertThat(compiled("models/marts/dim_statuses.sql"))
                .isEqualTo("select distinct status from \"main\".\"raw_orders\"\n");
    }

    @Test
    void anEphemeralModelIsCompiledWithItsOwnEphemeralParentsAndHasNoRelation() throws IOException {
        assertThat(quarry("compile")).isZero();

        assertThat(compiled("models/intermediate/base_orders.sql")).isEqualTo("""
                -- one row per order, amounts in units
                select order_id, customer_id, amount_cents / 100.0 as amount, status
                from "main"."raw_orders"
                """);
        assertThat(compiled("models/intermediate/paid_orders.sql")).isEqualTo("""
                with %s, paid as (
                    select * from __quarry__cte__base_orders where status = 'paid'
                )
                select order_id, customer_id, amount from paid
                """.formatted(BASE_ORDERS_CTE));
        assertThat(compiled("models/customer_totals.sql")).isEqualTo("with " + BASE_ORDERS_CTE + ", "
                + PAID_ORDERS_CTE + "\n" + CUSTOMER_TOTALS_CTE.substring(CUSTOMER_TOTALS_CTE.indexOf("select"),
                CUSTOMER_TOTALS_CTE.length() - 2) + "\n");

        JsonNode nodes = manifest().get("nodes");
        for (String ephemeral : List.of("base_orders", "paid_orders", "customer_totals")) {
            JsonNode node = nodes.get("model.eph." + ephemeral);
            assertThat(node.at("/config/materialized").asText()).isEqualTo("ephemeral");
            assertThat(node.get("compiled").asBoolean()).isTrue();
            assertThat(node.hasNonNull("relation_name")).as(ephemeral + " builds no relation").isFalse();
        }
        JsonNode totals = nodes.get("model.eph.customer_totals");
        assertThat(totals.get("compiled_code").asText()).isEqualTo(compiled("models/customer_totals.sql"));
        assertThat(texts(totals.at("/depends_on/nodes"))).containsExactly("model.eph.base_orders",
                "model.eph.paid_orders");
        assertThat(nodes.at("/model.eph.fct_customers/relation_name").asText()).isEqualTo("\"main\".\"fct_customers\"");
        assertThat(nodes.at("/model.eph.fct_customers/compiled_code").asText())
                .isEqualTo(compiled("models/marts/fct_customers.sql"));
    }

    @Test
    void touchingAnEphemeralModelCompilesEveryNodeThatInlinesItAgain() throws IOException {
        assertThat(quarry("compile")).isZero();
        assertThat(quarry("compile")).isZero();
        assertThat(stdout()).contains("Compiled 8 nodes (0 rendered, 8 unchanged)");

        Path innermost = project.resolve("models/intermediate/base_orders.sql");
        Files.writeString(innermost, Files.readString(innermost).replace("status\n", "status, 'eur' as currency\n"));
        assertThat(quarry("compile")).isZero();

        // Everything but dim_statuses inlines base_orders, directly or through paid_orders and customer_totals.
        assertThat(stdout()).contains("Compiled 8 nodes (7 rendered, 1 unchanged)");
        String touched = "select order_id, customer_id, amount_cents / 100.0 as amount, status, 'eur' as currency\n";
        for (String path : List.of("models/intermediate/base_orders.sql", "models/intermediate/paid_orders.sql",
                "models/customer_totals.sql", "models/marts/fct_customers.sql", "models/marts/order_numbers.sql",
                "models/marts/order_ids.sql", "tests/assert_paid_amounts_positive.sql")) {
            assertThat(compiled(path)).as(path).contains(touched);
        }
        assertThat(compiled("models/marts/fct_customers.sql")).isEqualTo("""
                /* Customers with their order totals. */
                with %s, %s, %s, ranked as (
                    select customer_id, paid_amount, rank() over (order by paid_amount desc) as paid_rank
                    from __quarry__cte__customer_totals
                )
                select * from ranked
                """.formatted(BASE_ORDERS_CTE.replace("status\n", "status, 'eur' as currency\n"), PAID_ORDERS_CTE,
                CUSTOMER_TOTALS_CTE));

        Path middle = project.resolve("models/intermediate/paid_orders.sql");
        Files.writeString(middle, Files.readString(middle).replace("'paid'", "'settled'"));
        assertThat(quarry("compile")).isZero();

        // paid_orders itself, customer_totals, fct_customers, order_numbers and the test; not base_orders, order_ids,
        // dim_statuses.
        assertThat(stdout()).contains("Compiled 8 nodes (5 rendered, 3 unchanged)");
        assertThat(compiled("models/marts/fct_customers.sql")).contains("where status = 'settled'");
        assertThat(compiled("tests/assert_paid_amounts_positive.sql")).contains("where status = 'settled'");
    }

    @Test
    void selectingAModelCompilesTheEphemeralModelsItInlinesWithoutSelectingThem() throws IOException {
        assertThat(quarry("compile", "-s", "fct_customers")).isZero();

        assertThat(stdout()).contains("Compiled 1 nodes (1 rendered, 0 unchanged)");
        assertThat(compiled("models/marts/fct_customers.sql")).contains("with " + BASE_ORDERS_CTE + ", "
                + PAID_ORDERS_CTE + ", " + CUSTOMER_TOTALS_CTE + ", ranked as (");
        assertThat(project.resolve("target/compiled/models/intermediate/base_orders.sql")).doesNotExist();
        assertThat(manifest().at("/nodes/model.eph.base_orders/compiled").asBoolean()).isFalse();

        // The ephemeral models compiled on the way are cached like any other node.
        assertThat(quarry("compile")).isZero();
        assertThat(stdout()).contains("Compiled 8 nodes (4 rendered, 4 unchanged)");
    }

    @Test
    void anotherEngineGetsTheSameCteNamesAroundItsOwnQuoting() throws IOException {
        assertThat(quarry("compile", "--target", "warehouse")).isZero();

        assertThat(compiled("models/marts/order_ids.sql")).isEqualTo("""
                with __quarry__cte__base_orders as (
                -- one row per order, amounts in units
                select order_id, customer_id, amount_cents / 100.0 as amount, status
                from `eph-project`.`analytics`.`raw_orders`
                )
                select order_id from __quarry__cte__base_orders;
                """);
    }

    @Test
    void sqlOfAnEphemeralModelThatDoesNotParseIsBlamedOnTheRefThatInlinesIt() throws IOException {
        Files.writeString(project.resolve("models/intermediate/broken.sql"),
                "select order_id,\n  , amount\nfrom ${ref('base_orders')}\n");
        Files.writeString(project.resolve("models/marts/uses_broken.sql"),
                "-- reads the broken one\nselect * from ${ref('broken')}\n");

        assertThat(quarry("compile", "--exclude", "broken")).isZero();

        String nl = System.lineSeparator();
        assertThat(stderr()).isEqualTo("models/marts/uses_broken.sql:2:17: warning: SQL does not parse: "
                + "unexpected ',' at line 7, column 16" + nl + "  hint: it is in the SQL of the ephemeral model "
                + "'broken', inlined here; the compiled SQL is in target/compiled/models/marts/uses_broken.sql "
                + "(line 7); if the engine accepts it, this warning can be ignored without --strict" + nl);
        assertThat(compiled("models/marts/uses_broken.sql")).isEqualTo("-- reads the broken one\nwith "
                + BASE_ORDERS_CTE + ", __quarry__cte__broken as (\nselect order_id,\n  , amount\n"
                + "from __quarry__cte__base_orders\n)\nselect * from __quarry__cte__broken\n");
    }

    @Test
    void aRefOfAnEphemeralModelThatOnlyTheIncrementalBranchReachesIsAnError() throws IOException {
        Path model = project.resolve("models/marts/new_orders.sql");
        Files.writeString(model, """
                <@config materialized='incremental' />
                select order_id from ${ref('order_ids')}
                <#if is_incremental()>
                where order_id not in (select order_id from ${ref('base_orders')})
                </#if>
                """);
        Set<String> existing = Set.of("\"main\".\"new_orders\"");

        assertThatThrownBy(() -> compileIncrementally(existing))
                .isInstanceOfSatisfying(ProjectException.class, failure -> assertThat(failure.diagnostics())
                        .singleElement().satisfies(error -> {
                            assertThat(error.location().toString()).startsWith("models/marts/new_orders.sql:4:");
                            assertThat(error.message()).contains("ref('base_orders') of an ephemeral model was not "
                                    + "seen by the parse pass");
                            assertThat(error.hint()).contains("-- depends on: ${ref('base_orders')}");
                        }));

        Files.writeString(model, "-- depends on: ${ref('base_orders')}\n" + Files.readString(model));
        String sql = compileIncrementally(existing).nodes().get("model.eph.new_orders").compiledCode();
        assertThat(sql).isEqualTo("-- depends on: __quarry__cte__base_orders\nwith " + BASE_ORDERS_CTE + """

                select order_id from "main"."order_ids"
                where order_id not in (select order_id from __quarry__cte__base_orders)
                """);
    }

    private CompiledProject compileIncrementally(Set<String> existingRelations) {
        Diagnostics diagnostics = new Diagnostics();
        Project loaded = new ProjectLoader(LoadOptions.defaults()).load(project, diagnostics);
        CompileOptions options = new CompileOptions(List.of(), List.of(), Map.of(), "2024-01-01 00:00:00.000",
                "00000000-0000-0000-0000-000000000000", existingRelations, false, true);
        return new Compiler(Dialects.forType(loaded.target().type()), CompileCache.empty())
                .compile(loaded, options, diagnostics);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
