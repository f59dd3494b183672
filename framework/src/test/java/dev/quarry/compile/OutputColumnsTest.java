package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputColumnsTest {

    @Test
    void namesColumnsAndAliasesInOrder() {
        assertThat(OutputColumns.of("select o.order_id, \"status\", sum(amount) as total from orders o group by 1, 2"))
                .hasValueSatisfying(names -> assertThat(names).containsExactly("order_id", "status", "total"));
    }

    @Test
    void theFirstBranchOfAUnionNamesTheColumns() {
        assertThat(OutputColumns.of("select 1 as id, 'a' as name union all select 2, 'b'"))
                .hasValueSatisfying(names -> assertThat(names).containsExactly("id", "name"));
    }

    @Test
    void aCteInFrontChangesNothing() {
        assertThat(OutputColumns.of("with x as (select 1 as a) select a from x"))
                .hasValueSatisfying(names -> assertThat(names).containsExactly("a"));
    }

    @Test
    void givesNoAnswerWhenItCannotBeSure() {
        assertThat(OutputColumns.of("select * from orders")).isEmpty();
        assertThat(OutputColumns.of("select o.* from orders o")).isEmpty();
        assertThat(OutputColumns.of("select count(*) from orders")).isEmpty();
        assertThat(OutputColumns.of("select from where")).isEmpty();
    }
}
