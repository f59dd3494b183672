package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CteInjectorTest {

    private static final CteInjector.Cte BASE = cte("base", "select id, amount from \"main\".\"raw\"\n");
    private static final CteInjector.Cte PAID = cte("paid", "select * from __quarry__cte__base where amount > 0");

    private final SqlChecker checker = new SqlChecker();

    private static CteInjector.Cte cte(String model, String sql) {
        return new CteInjector.Cte(model, CteInjector.PREFIX + model, sql);
    }

    private String injected(String sql, CteInjector.Cte... ctes) {
        String result = CteInjector.inject(sql, List.of(ctes));
        assertThat(checker.check("models/m.sql", sql, result)).as("JSqlParser parses:%n%s", result).isEmpty();
        return result;
    }

    @Test
    void aPlainSelectGetsAWithClause() {
        assertThat(injected("select id from __quarry__cte__base\n", BASE)).isEqualTo("""
                with __quarry__cte__base as (
                select id, amount from "main"."raw"
                )
                select id from __quarry__cte__base
                """);
    }

    @Test
    void anExistingWithClauseGetsTheCtesFirst() {
        assertThat(injected("""
                with totals as (
                    select sum(amount) as total from __quarry__cte__base
                )
                select * from totals
                """, BASE)).isEqualTo("""
                with __quarry__cte__base as (
                select id, amount from "main"."raw"
                ), totals as (
                    select sum(amount) as total from __quarry__cte__base
                )
                select * from totals
                """);
        assertThat(injected("with\n  t as (select 1 as n)\nselect * from t", BASE)).isEqualTo("with "
                + "__quarry__cte__base as (\nselect id, amount from \"main\".\"raw\"\n),\n  t as (select 1 as n)\n"
                + "select * from t");
    }

    @Test
    void keywordsAreFoundInAnyCaseAndKeepTheirSpelling() {
        assertThat(injected("WITH t AS (SELECT 1 AS n) SELECT * FROM t, __quarry__cte__base", BASE)).isEqualTo(
                "WITH __quarry__cte__base as (\nselect id, amount from \"main\".\"raw\"\n), t AS (SELECT 1 AS n) "
                        + "SELECT * FROM t, __quarry__cte__base");
    }

    @Test
    void withRecursiveKeepsRecursiveInFront() {
        assertThat(injected("""
                with recursive numbers(n) as (
                    select 1 union all select n + 1 from numbers where n < 3
                )
                select * from numbers join __quarry__cte__base on id = n
                """, BASE)).isEqualTo("""
                with recursive __quarry__cte__base as (
                select id, amount from "main"."raw"
                ), numbers(n) as (
                    select 1 union all select n + 1 from numbers where n < 3
                )
                select * from numbers join __quarry__cte__base on id = n
                """);
        assertThat(CteInjector.inject("WITH /* loop */ RECURSIVE n(i) AS (SELECT 1) SELECT * FROM n", List.of(BASE)))
                .startsWith("WITH /* loop */ RECURSIVE __quarry__cte__base as (\n");
    }

    @Test
    void leadingCommentsAndWhitespaceStayInFront() {
        assertThat(injected("\n-- the header, with a comment\n/* a block\n   comment */  select * from "
                + "__quarry__cte__base", BASE)).isEqualTo("\n-- the header, with a comment\n/* a block\n   comment */"
                + "  with __quarry__cte__base as (\nselect id, amount from \"main\".\"raw\"\n)\nselect * from "
                + "__quarry__cte__base");
        assertThat(injected("-- header\nwith t as (select 1 as n)\nselect * from t, __quarry__cte__base", BASE))
                .isEqualTo("-- header\nwith __quarry__cte__base as (\nselect id, amount from \"main\".\"raw\"\n), "
                        + "t as (select 1 as n)\nselect * from t, __quarry__cte__base");
    }

    @Test
    void aWordThatOnlyStartsWithWithIsNoWithClause() {
        assertThat(CteInjector.inject("without_totals", List.of(BASE))).startsWith("with __quarry__cte__base as (")
                .endsWith(")\nwithout_totals");
        assertThat(CteInjector.inject("with_x", List.of(BASE))).endsWith(")\nwith_x");
    }

    @Test
    void nestedEphemeralModelsComeInTheGivenOrderEachOnItsOwnLines() {
        assertThat(injected("select * from __quarry__cte__paid;\n", BASE, PAID)).isEqualTo("""
                with __quarry__cte__base as (
                select id, amount from "main"."raw"
                ), __quarry__cte__paid as (
                select * from __quarry__cte__base where amount > 0
                )
                select * from __quarry__cte__paid;
                """);
    }

    @Test
    void anInlinedModelWithItsOwnWithClauseIsANestedWith() {
        CteInjector.Cte withClause = cte("ranked", "with r as (select id from __quarry__cte__base) select * from r");
        assertThat(injected("with x as (select * from __quarry__cte__ranked) select * from x", BASE, withClause))
                .isEqualTo("with __quarry__cte__base as (\nselect id, amount from \"main\".\"raw\"\n), "
                        + "__quarry__cte__ranked as (\nwith r as (select id from __quarry__cte__base) select * from r"
                        + "\n), x as (select * from __quarry__cte__ranked) select * from x");
    }

    @Test
    void aBodyLosesBlankLinesAroundItAndATrailingSemicolonButKeepsATrailingLineComment() {
        assertThat(CteInjector.body("\n  \n    select 1;  \n;\n")).isEqualTo("    select 1");
        assertThat(injected("select * from __quarry__cte__c",
                cte("c", "select 1 as one -- the only row\n"))).isEqualTo(
                "with __quarry__cte__c as (\nselect 1 as one -- the only row\n)\nselect * from __quarry__cte__c");
    }

    @Test
    void nothingToInlineLeavesTheSqlAsItIs() {
        String sql = "  select 1;\n";
        assertThat(CteInjector.inject(sql, List.of())).isSameAs(sql);
    }

    @Test
    void theCteNameIsUnquotedWhenItIsAPlainIdentifierAndQuotedByTheDialectOtherwise() {
        SqlDialect backticks = new SqlDialect() {
            @Override
            public String type() {
                return "bigquery";
            }

            @Override
            public String quote(String identifier) {
                return "`" + identifier + "`";
            }
        };
        assertThat(CteInjector.identifier("stg_orders", backticks)).isEqualTo("__quarry__cte__stg_orders");
        assertThat(CteInjector.identifier("Stg2", backticks)).isEqualTo("__quarry__cte__Stg2");
        assertThat(CteInjector.identifier("stg-orders", backticks)).isEqualTo("`__quarry__cte__stg-orders`");
        assertThat(CteInjector.identifier("straße", backticks)).isEqualTo("`__quarry__cte__straße`");
    }
}
