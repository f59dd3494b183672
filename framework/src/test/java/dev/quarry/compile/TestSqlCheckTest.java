package dev.quarry.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TestSqlCheckTest {

    private final List<String> parsed = new ArrayList<>();
    private final TestSqlCheck check = new TestSqlCheck(sql -> {
        parsed.add(sql);
        return SqlParse.of(sql);
    });

    @Test
    void testsThatDifferOnlyInQuotedNamesAndValuesAreParsedOnce() {
        SqlParse first = check.parse("select * from \"main\".\"orders\" where status not in ('a', 'b')");
        SqlParse second = check.parse("select * from \"main\".\"customers\" where status not in ('gold', 'silver')");

        assertThat(first.parsed()).isTrue();
        assertThat(first.statement()).isNotNull();
        assertThat(second.parsed()).isTrue();
        assertThat(second.statement()).isNull();
        assertThat(parsed).hasSize(1);
    }

    @Test
    void aDifferentBareWordIsParsedItself() {
        check.parse("select * from \"main\".\"orders\" where id is null");
        SqlParse keyword = check.parse("select * from \"main\".\"orders\" where select is null");

        assertThat(parsed).hasSize(2);
        assertThat(keyword.parsed()).isFalse();
    }

    @Test
    void aFailureIsNotRememberedSoEachFailingTestSaysWhere() {
        SqlParse first = check.parse("select * from \"main\".\"orders\" where (");
        SqlParse second = check.parse("select *\nfrom \"main\".\"customers\"\nwhere (");

        assertThat(parsed).hasSize(2);
        assertThat(first.parsed()).isFalse();
        assertThat(first.line()).isEqualTo(1);
        assertThat(second.parsed()).isFalse();
        assertThat(second.line()).isEqualTo(3);
    }

    @Test
    void anEmptyQuoteIsNotTakenForAFullOne() {
        assertThat(TestSqlCheck.skeleton("select '' as a, \"\" as b"))
                .isEqualTo("select '' as a, \"\" as b");
        assertThat(TestSqlCheck.skeleton("select 'x' as a, `p.d.t` as b")).isEqualTo("select '_' as a, `_` as b");
    }

    @Test
    void commentsAreKeptWhateverQuotesTheyHold() {
        assertThat(TestSqlCheck.skeleton("select 1 -- it's \"here\"\n/* 'x' */ from t"))
                .isEqualTo("select 1 -- it's \"here\"\n/* 'x' */ from t");
    }

    @Test
    void sqlWhoseSkeletonIsUncertainIsAlwaysParsed() {
        assertThat(TestSqlCheck.skeleton("select 'it''s'")).isNull();
        assertThat(TestSqlCheck.skeleton("select \"a\"\"b\"")).isNull();
        assertThat(TestSqlCheck.skeleton("select 'a\\'b'")).isNull();
        assertThat(TestSqlCheck.skeleton("select 'two\nlines'")).isNull();
        assertThat(TestSqlCheck.skeleton("select 'open")).isNull();
        assertThat(TestSqlCheck.skeleton("select 1 /* open")).isNull();
        assertThat(TestSqlCheck.skeleton("select $$x$$")).isNull();

        check.parse("select 'it''s'");
        check.parse("select 'it''s'");
        assertThat(parsed).hasSize(2);
    }
}
