package dev.quarry.bigquery.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateTableAsSelectStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedCreateViewStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedInsertStmt;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedMergeStmt;

/**
 * The analyzer itself: tables named as Quarry writes them, BigQuery's type names, what it rejects and how it says
 * so; and DDL and DML statements of the kinds materializations run, through {@link BigQueryAnalyzer#analyzeStatement}
 * (the entry point for golden statements).
 */
class BigQueryAnalyzerIT {

    private static BigQueryAnalyzer analyzer;

    @BeforeAll
    static void registerTables() {
        analyzer = BigQueryAnalyzer.create("shop-project");
        analyzer.addTable("shop-project.analytics.orders", columns("order_id int64", "customer_id int64",
                "amount numeric", "ordered_at timestamp", "status string"));
        analyzer.addTable(List.of("other-project", "raw", "customers"), columns("customer_id int64", "name string"));
        analyzer.addTable("landing.events", columns("event_id string", "payload json"));
    }

    private static List<TypedColumn> columns(String... columns) {
        return Stream.of(columns).map(column -> analyzer.column(column.split(" ")[0], column.split(" ")[1]))
                .toList();
    }

    private static List<String> analyzed(String sql) {
        return analyzer.analyzeQuery(sql).stream().map(TypedColumn::toString).toList();
    }

    // ------------------------------------------------------------------ names and types

    @Test
    void resolvesTablesWithABacktickPairPerPart() {
        assertThat(analyzed("select order_id, amount from `shop-project`.`analytics`.`orders`"))
                .containsExactly("order_id INT64", "amount NUMERIC");
        assertThat(analyzed("select c.name from `other-project`.`raw`.`customers` as c"))
                .containsExactly("name STRING");
    }

    @Test
    void tablesOfTheDefaultProjectResolveWithoutTheProject() {
        assertThat(analyzed("select o.order_id, c.name from analytics.orders as o\n"
                + "join `other-project`.raw.customers as c using (customer_id)"))
                .containsExactly("order_id INT64", "name STRING");
        assertThat(analyzed("select event_id from `shop-project`.`landing`.`events`")).containsExactly(
                "event_id STRING");
        assertThat(analyzed("select payload from `landing`.`events`")).containsExactly("payload JSON");

        assertThatThrownBy(() -> analyzer.analyzeQuery("select name from raw.customers"))
                .isInstanceOf(BigQueryAnalysisException.class).hasMessageStartingWith("Table not found: raw.customers");
    }

    @Test
    void knowsBigQuerysTypeNamesAndTheirAliases() {
        assertThat(Stream.of("int64", "integer", "bigint", "smallint", "decimal(10, 2)", "bignumeric(40, 10)",
                "boolean", "float64", "datetime", "geography", "array<struct<a int64, b string>>")
                .map(name -> TypedColumn.typeName(analyzer.type(name))))
                .containsExactly("INT64", "INT64", "INT64", "INT64", "NUMERIC", "BIGNUMERIC", "BOOL", "FLOAT64",
                        "DATETIME", "GEOGRAPHY", "ARRAY<STRUCT<a INT64, b STRING>>");

        assertThatThrownBy(() -> analyzer.type("double")).hasMessageStartingWith("Type not found: double");
        assertThatThrownBy(() -> analyzer.type("varchar")).hasMessageStartingWith("Type not found: varchar");
        assertThatThrownBy(() -> analyzer.type("numeric(50, 2)")).isInstanceOf(BigQueryAnalysisException.class);
    }

    @Test
    void anUnnamedOutputColumnGetsZetaSqlsName() {
        assertThat(analyzed("select order_id + 1, status from analytics.orders"))
                .containsExactly("$col1 INT64", "status STRING");
    }

    // ------------------------------------------------------------------ what it rejects

    @Test
    void anUnknownColumnIsReportedWithItsLineColumnAndTheStatement() {
        assertThatThrownBy(() -> analyzer.analyzeQuery("select order_id,\n  amount_cents\nfrom analytics.orders"))
                .isInstanceOf(BigQueryAnalysisException.class)
                .hasMessage("""
                        Unrecognized name: amount_cents [at 2:3]
                          amount_cents
                          ^
                        in:
                           1 | select order_id,
                           2 |   amount_cents
                           3 | from analytics.orders
                        """)
                .extracting(failure -> ((BigQueryAnalysisException) failure).zetaSqlMessage()).asString()
                .startsWith("Unrecognized name: amount_cents [at 2:3]");
    }

    @Test
    void aFunctionCalledWithTheWrongArgumentsIsRejected() {
        assertThatThrownBy(() -> analyzer.analyzeQuery("select upper(order_id) from analytics.orders"))
                .hasMessageStartingWith("No matching signature for function UPPER");
        assertThatThrownBy(() -> analyzer.analyzeQuery(
                "select date_add(ordered_at, interval 1 month) from analytics.orders"))
                .hasMessageStartingWith("DATE_ADD does not support the MONTH date part when the argument is "
                        + "TIMESTAMP type");
    }

    @Test
    void comparingAStringWithANumberIsATypeError() {
        assertThatThrownBy(() -> analyzer.analyzeQuery("select order_id from analytics.orders where status = 1"))
                .hasMessageStartingWith("No matching signature for operator =");
    }

    @Test
    void aQueryIsExpectedWhereOneIsAsked() {
        assertThatThrownBy(() -> analyzer.analyzeQuery("insert into analytics.orders (order_id) values (1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a query but a InsertStmt");
    }

    @Test
    void aTableIsRegisteredOnce() {
        assertThatThrownBy(() -> analyzer.addTable("analytics.orders", columns("order_id int64")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("registered twice: shop-project.analytics.orders");
    }

    // ------------------------------------------------------------------ DDL and DML

    @Test
    void createTableAsSelectWithPartitioningClusteringAndOptions() {
        assertThat(analyzer.analyzeStatement("""
                create or replace table `shop-project`.`analytics`.`fct_orders__quarry_tmp`
                partition by date(ordered_at)
                cluster by customer_id, status
                options (description = 'Orders, one row each', labels = [('team', 'finance')],
                         partition_expiration_days = 30, require_partition_filter = true)
                as
                select order_id, customer_id, status, amount, ordered_at
                from `shop-project`.`analytics`.`orders`""")).isInstanceOf(ResolvedCreateTableAsSelectStmt.class);

        assertThatThrownBy(() -> analyzer.analyzeStatement("""
                create table `shop-project`.`analytics`.`fct_orders`
                partition by date(created_at)
                as select order_id, ordered_at from `shop-project`.`analytics`.`orders`"""))
                .hasMessageStartingWith("Unrecognized name: created_at; Did you mean ordered_at? [at 2:19]");
    }

    @Test
    void createOrReplaceView() {
        assertThat(analyzer.analyzeStatement("""
                create or replace view `shop-project`.`analytics`.`stg_orders` as
                select order_id, amount / 100 as amount from `shop-project`.`analytics`.`orders`"""))
                .isInstanceOf(ResolvedCreateViewStmt.class);
    }

    @Test
    void insertSelect() {
        assertThat(analyzer.analyzeStatement("""
                insert into `shop-project`.`analytics`.`orders` (`order_id`, `customer_id`, `amount`)
                select `order_id`, `customer_id`, `amount` from `shop-project`.`analytics`.`orders`"""))
                .isInstanceOf(ResolvedInsertStmt.class);

        assertThatThrownBy(() -> analyzer.analyzeStatement("""
                insert into `shop-project`.`analytics`.`orders` (`order_id`, `status`)
                select `order_id`, `amount` from `shop-project`.`analytics`.`orders`"""))
                .hasMessageContaining("Query column 2 has type NUMERIC which cannot be inserted into column status");
    }

    @Test
    void mergeOnAUniqueKey() {
        assertThat(analyzer.analyzeStatement("""
                merge into `shop-project`.`analytics`.`orders` as target
                using (select * from `shop-project`.`analytics`.`orders`) as source
                on target.`order_id` = source.`order_id`
                when matched then update set `amount` = source.`amount`, `status` = source.`status`
                when not matched then insert (`order_id`, `amount`, `status`)
                  values (source.`order_id`, source.`amount`, source.`status`)"""))
                .isInstanceOf(ResolvedMergeStmt.class);

        assertThatThrownBy(() -> analyzer.analyzeStatement("""
                merge into `shop-project`.`analytics`.`orders` as target
                using `other-project`.`raw`.`customers` as source
                on target.`customer_id` = source.`customer_id`
                when matched then update set `status` = source.`customer_id`"""))
                .hasMessageContaining("Value of type INT64 cannot be assigned to status, which has type STRING");
    }
}
