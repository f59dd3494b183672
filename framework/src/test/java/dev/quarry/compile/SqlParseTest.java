package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import net.sf.jsqlparser.statement.select.Select;

class SqlParseTest {

    @Test
    void aQueryParsesOnceIntoItsStatement() {
        SqlParse parse = SqlParse.of("select id, name from customers;\n");

        assertThat(parse.parsed()).isTrue();
        assertThat(parse.statement()).isInstanceOf(Select.class);
        assertThat(parse.message()).isNull();
    }

    @Test
    void theStatementNamesTheOutputColumnsWithoutParsingAgain() {
        SqlParse parse = SqlParse.of("with x as (select 1 as a) select a, a + 1 as b from x");

        assertThat(OutputColumns.of(parse.statement()))
                .hasValueSatisfying(names -> assertThat(names).containsExactly("a", "b"));
    }

    @Test
    void aSyntaxErrorSaysWhereTheLastAttemptFailed() {
        SqlParse parse = SqlParse.of("select id\nfrom customers\nwhere )");

        assertThat(parse.parsed()).isFalse();
        assertThat(parse.statement()).isNull();
        assertThat(parse.line()).isEqualTo(3);
        assertThat(parse.message()).startsWith("unexpected ").contains("at line 3, column " + parse.column());
        assertThat(OutputColumns.of(parse.statement())).isEmpty();
    }
}
