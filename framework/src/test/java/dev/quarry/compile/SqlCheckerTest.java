package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.quarry.error.SourceLocation;

class SqlCheckerTest {

    private final SqlChecker checker = new SqlChecker();

    @Test
    void sqlThatParsesHasNoWarning() {
        assertThat(checker.check("models/a.sql", "", """
                with recent as (select * from "main"."orders" where ordered_at > current_date - 7)
                select customer_id, count(*) as orders, row_number() over (order by count(*) desc) as rank
                from recent group by customer_id;
                """)).isEmpty();
    }

    @Test
    void aParseFailurePointsAtTheTemplateLineThatPrintedIt() {
        String template = "<@config materialized='table' />\nselect a,\nfrom ${ref('x')}\n";
        String compiled = "\nselect a,\nfrom \"main\".\"x\"\n";

        assertThat(checker.check("models/a.sql", template, compiled)).hasValueSatisfying(warning -> {
            assertThat(warning.isError()).isFalse();
            assertThat(warning.format()).isEqualTo("models/a.sql:2:9: warning: SQL does not parse: unexpected "
                    + "',' at line 2, column 9" + System.lineSeparator() + "  hint: the compiled SQL is in "
                    + "target/compiled/models/a.sql (line 2); if the engine accepts it, this warning can be "
                    + "ignored without --strict");
        });
    }

    @Test
    void aLineThatAppearsTwiceInTheTemplateKeepsTheCompiledLineNumber() {
        assertThat(SqlChecker.templateLocation("m.sql", "select 1\n)\n)\n", "select 1\n)\n", 2, 1))
                .isEqualTo(new SourceLocation("m.sql", 2, 0));
        assertThat(SqlChecker.templateLocation("m.sql", "<#if x>\nselect (1\n</#if>\n", "select (1\n", 1, 8))
                .isEqualTo(new SourceLocation("m.sql", 2, 8));
    }
}
