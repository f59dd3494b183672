package dev.quarry.lineage;

import static dev.quarry.lineage.LineageKind.CONSTANT;
import static dev.quarry.lineage.LineageKind.DERIVED;
import static dev.quarry.lineage.LineageKind.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * Column lineage of small queries, one construct each; the SF project's own models are checked in the project
 * module ({@code SfModelLineageTest}).
 */
class ColumnLineageTest {

    private static final Function<String, Optional<List<String>>> CATALOG = relation -> Optional.ofNullable(Map.of(
            "main.orders", List.of("order_id", "customer_id", "amount", "ordered_at"),
            "main.customers", List.of("customer_id", "name", "region"),
            "main.refunds", List.of("order_id", "amount")).get(relation));

    private static LineageResult analyze(String sql) {
        return ColumnLineage.analyze(sql, CATALOG);
    }

    private static ColumnRef ref(String relation, String column) {
        return new ColumnRef(relation, column);
    }

    private static OutputColumn column(LineageResult result, String name) {
        return result.column(name).orElseThrow(() -> new AssertionError("no column " + name + " in " + result));
    }

    @Test
    void plainColumnsAndRenamesAreDirect() {
        LineageResult result = analyze("select order_id, amount as total from main.orders");

        assertThat(result.columns()).containsExactly(
                new OutputColumn("order_id", DIRECT, java.util.Set.of(ref("main.orders", "order_id"))),
                new OutputColumn("total", DIRECT, java.util.Set.of(ref("main.orders", "amount"))));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void quotedRelationsAreNormalisedWithoutQuotesAndLowerCased() {
        LineageResult duckDb = ColumnLineage.analyze("select \"Amount\" from \"Main\".\"Orders\"");
        LineageResult bigQuery = ColumnLineage.analyze(
                "select t.amount from `my-project.analytics.orders` as t");

        assertThat(column(duckDb, "Amount").sources()).containsExactly(ref("main.orders", "amount"));
        assertThat(column(bigQuery, "amount").sources()).containsExactly(ref("my-project.analytics.orders", "amount"));
        assertThat(bigQuery.problems()).isEmpty();
    }

    @Test
    void expressionsAreDerivedFromEveryColumnTheyRead() {
        LineageResult result = analyze("""
                select
                    amount * 2 as doubled,
                    cast(ordered_at as date) as order_date,
                    coalesce(amount, 0) as amount_or_zero,
                    case when customer_id is null then 'guest' else cast(order_id as varchar) end as label,
                    (amount) as parenthesised
                from main.orders""");

        assertThat(column(result, "doubled")).isEqualTo(new OutputColumn("doubled", DERIVED,
                java.util.Set.of(ref("main.orders", "amount"))));
        assertThat(column(result, "order_date").sources()).containsExactly(ref("main.orders", "ordered_at"));
        assertThat(column(result, "amount_or_zero").kind()).isEqualTo(DERIVED);
        assertThat(column(result, "label").sources())
                .containsExactly(ref("main.orders", "customer_id"), ref("main.orders", "order_id"));
        assertThat(column(result, "parenthesised").kind()).isEqualTo(DIRECT);
    }

    @Test
    void literalsAreConstantAndCountStarIsDerivedFromNoColumn() {
        LineageResult result = analyze("""
                select 'web' as channel, 1 + 1 as two, current_date as today, count(*) as orders,
                    sum(amount) as revenue
                from main.orders group by 1""");

        assertThat(column(result, "channel").kind()).isEqualTo(CONSTANT);
        assertThat(column(result, "two").kind()).isEqualTo(CONSTANT);
        assertThat(column(result, "today").kind()).isEqualTo(CONSTANT);
        assertThat(column(result, "orders")).isEqualTo(new OutputColumn("orders", DERIVED, java.util.Set.of()));
        assertThat(column(result, "revenue").sources()).containsExactly(ref("main.orders", "amount"));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void windowFunctionsDeriveFromTheirPartitionAndOrderColumns() {
        LineageResult result = analyze("""
                select row_number() over (partition by customer_id order by ordered_at) as order_number,
                    sum(amount) over (partition by customer_id) as customer_total
                from main.orders""");

        assertThat(column(result, "order_number")).isEqualTo(new OutputColumn("order_number", DERIVED,
                java.util.Set.of(ref("main.orders", "customer_id"), ref("main.orders", "ordered_at"))));
        assertThat(column(result, "customer_total").sources())
                .containsExactly(ref("main.orders", "amount"), ref("main.orders", "customer_id"));
    }

    @Test
    void ctesReferencingCtesPassLineageThroughToTheUpstreamRelations() {
        LineageResult result = analyze("""
                with paid as (select order_id, amount from main.orders where amount > 0),
                renamed as (select order_id as id, amount as paid_amount, amount * 100 as cents from paid)
                select id, paid_amount, cents, 'x' as tag from renamed""");

        assertThat(result.columns()).containsExactly(
                new OutputColumn("id", DIRECT, java.util.Set.of(ref("main.orders", "order_id"))),
                new OutputColumn("paid_amount", DIRECT, java.util.Set.of(ref("main.orders", "amount"))),
                new OutputColumn("cents", DERIVED, java.util.Set.of(ref("main.orders", "amount"))),
                new OutputColumn("tag", CONSTANT, java.util.Set.of()));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aCteColumnListRenamesItsColumns() {
        LineageResult result = analyze("with totals(who, total) as (select customer_id, sum(amount) from main.orders"
                + " group by 1) select who, total from totals");

        assertThat(column(result, "who").sources()).containsExactly(ref("main.orders", "customer_id"));
        assertThat(column(result, "total").kind()).isEqualTo(DERIVED);
    }

    @Test
    void subqueriesInFromWithAliases() {
        LineageResult result = analyze("""
                select big.order_id, big.doubled from (
                    select order_id, amount * 2 as doubled from main.orders
                ) as big""");

        assertThat(column(result, "order_id").kind()).isEqualTo(DIRECT);
        assertThat(column(result, "doubled").sources()).containsExactly(ref("main.orders", "amount"));
    }

    @Test
    void joinsResolveQualifiedAndUnqualifiedColumns() {
        LineageResult result = analyze("""
                select o.order_id, name, customers.region, o.amount + r.amount as net
                from main.orders as o
                join main.customers on customers.customer_id = o.customer_id
                left join main.refunds as r on r.order_id = o.order_id""");

        assertThat(column(result, "order_id").sources()).containsExactly(ref("main.orders", "order_id"));
        assertThat(column(result, "name").sources()).containsExactly(ref("main.customers", "name"));
        assertThat(column(result, "region").sources()).containsExactly(ref("main.customers", "region"));
        assertThat(column(result, "net").sources())
                .containsExactly(ref("main.orders", "amount"), ref("main.refunds", "amount"));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void anUnqualifiedColumnTwoRelationsHaveIsAProblem() {
        LineageResult result = analyze("select customer_id from main.orders join main.customers using (region)"
                + " cross join main.refunds where amount > 0");
        LineageResult ambiguous = analyze("select customer_id from main.orders o join main.customers c"
                + " on c.customer_id = o.customer_id");

        assertThat(ambiguous.problems()).containsExactly("column 'customer_id' is ambiguous: o, c all have it");
        assertThat(column(ambiguous, "customer_id").sources()).isEmpty();
        assertThat(result.problems()).contains("column 'customer_id' is ambiguous: main.orders, main.customers all"
                + " have it");
    }

    @Test
    void aUsingColumnIsTheLeftRelationsAndStarShowsItOnce() {
        LineageResult result = analyze("select * from main.orders join main.customers using (customer_id)");

        assertThat(result.columns()).extracting(OutputColumn::name)
                .containsExactly("order_id", "customer_id", "amount", "ordered_at", "name", "region");
        assertThat(column(result, "customer_id").sources()).containsExactly(ref("main.orders", "customer_id"));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void starAndQualifiedStarExpandFromTheCatalog() {
        LineageResult result = analyze("""
                select c.*, o.amount from main.customers as c join main.orders as o
                    on o.customer_id = c.customer_id""");
        LineageResult excluded = analyze("select * exclude (ordered_at) replace (amount * 2 as amount)"
                + " from main.orders");

        assertThat(result.columns()).extracting(OutputColumn::name)
                .containsExactly("customer_id", "name", "region", "amount");
        assertThat(column(result, "region").sources()).containsExactly(ref("main.customers", "region"));
        assertThat(excluded.columns()).extracting(OutputColumn::name, OutputColumn::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("order_id", DIRECT),
                        org.assertj.core.groups.Tuple.tuple("customer_id", DIRECT),
                        org.assertj.core.groups.Tuple.tuple("amount", DERIVED));
    }

    @Test
    void bigQueryStarExceptDropsColumns() {
        LineageResult result = analyze("select * except (amount, ordered_at) from main.orders");

        assertThat(result.columns()).extracting(OutputColumn::name).containsExactly("order_id", "customer_id");
    }

    @Test
    void starOverARelationOfUnknownColumnsIsAProblemButColumnsReadThroughItResolve() {
        LineageResult result = analyze("""
                with landed as (select * from main.unknown_table)
                select upper(city) as city, landed.zip from landed""");

        assertThat(result.problems()).containsExactly("'*' cannot be expanded: the columns of main.unknown_table"
                + " are unknown; the columns read through it are taken to be its own");
        assertThat(column(result, "city").sources()).containsExactly(ref("main.unknown_table", "city"));
        assertThat(column(result, "zip")).isEqualTo(new OutputColumn("zip", DIRECT,
                java.util.Set.of(ref("main.unknown_table", "zip"))));
    }

    @Test
    void selectDistinctKeepsLineage() {
        LineageResult result = analyze("select distinct region from main.customers");

        assertThat(column(result, "region")).isEqualTo(new OutputColumn("region", DIRECT,
                java.util.Set.of(ref("main.customers", "region"))));
    }

    @Test
    void unionBranchesContributeTheirSamePositionColumns() {
        LineageResult result = analyze("""
                select order_id as id, amount from main.orders
                union all
                select order_id, -amount from main.refunds
                union distinct
                select 0, 0""");

        assertThat(column(result, "id")).isEqualTo(new OutputColumn("id", DERIVED,
                java.util.Set.of(ref("main.orders", "order_id"), ref("main.refunds", "order_id"))));
        assertThat(column(result, "amount").sources())
                .containsExactly(ref("main.orders", "amount"), ref("main.refunds", "amount"));
        assertThat(analyze("select order_id from main.orders union all select order_id from main.refunds")
                .columns().get(0).kind()).isEqualTo(DIRECT);
    }

    @Test
    void scalarSubqueriesContributeTheirOutputColumnsIncludingCorrelatedOnes() {
        LineageResult result = analyze("""
                select
                    (select max(ordered_at) from main.orders) as last_order,
                    (select sum(r.amount) from main.refunds as r where r.order_id = o.order_id) as refunded,
                    (select count(*) from main.refunds) as refund_count
                from main.orders as o""");

        assertThat(column(result, "last_order").sources()).containsExactly(ref("main.orders", "ordered_at"));
        assertThat(column(result, "refunded").sources()).containsExactly(ref("main.refunds", "amount"));
        assertThat(column(result, "refund_count")).isEqualTo(new OutputColumn("refund_count", DERIVED,
                java.util.Set.of()));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void tableFunctionColumnsComeFromTheirArguments() {
        LineageResult result = ColumnLineage.analyze("select i * 2 as even from range(10) as t(i)");

        assertThat(column(result, "even")).isEqualTo(new OutputColumn("even", DERIVED, java.util.Set.of()));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void lambdaParametersAreNotColumns() {
        LineageResult result = ColumnLineage.analyze("select list_transform(tags, x -> upper(x)) as tags"
                + " from main.posts");

        assertThat(column(result, "tags").sources()).containsExactly(ref("main.posts", "tags"));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void unknownColumnsAndRelationsAreProblemsNotConstants() {
        LineageResult result = analyze("select nope + 1 as x, z.amount from main.orders");

        assertThat(result.problems()).containsExactly("column 'nope' is not a column of any relation in scope",
                "column 'z.amount' names no relation in scope");
        assertThat(column(result, "x").kind()).isEqualTo(DERIVED);
    }

    @Test
    void unparseableSqlIsAProblemAndNeverThrows() {
        LineageResult result = ColumnLineage.analyze("select from where (((");
        LineageResult notAQuery = ColumnLineage.analyze("delete from main.orders;");

        assertThat(result.columns()).isEmpty();
        assertThat(result.problems()).singleElement().asString().startsWith("the SQL does not parse: ");
        assertThat(notAQuery.problems()).containsExactly("the statement is not a query: Delete");
        assertThat(ColumnLineage.analyze(null).problems()).hasSize(1);
    }

    @Test
    void anUnqualifiedColumnOfOneRelationWithUnknownColumnsIsItsOwn() {
        LineageResult result = ColumnLineage.analyze("select \"City\" from \"raw\".\"Addresses\"");

        assertThat(column(result, "City").sources()).containsExactly(ref("raw.addresses", "city"));
        assertThat(result.isComplete()).isTrue();
    }
}
