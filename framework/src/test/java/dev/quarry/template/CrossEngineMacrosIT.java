package dev.quarry.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs the SQL the cross-engine macros render on embedded DuckDB and H2, and checks what the engines answer. */
class CrossEngineMacrosIT {

    /** The engines that run in-process; BigQuery's SQL is checked as text in {@link CrossEngineMacrosTest}. */
    enum Engine {
        DUCKDB("duckdb", "jdbc:duckdb:"),
        H2("h2", "jdbc:h2:mem:");

        final String type;
        final String url;

        Engine(String type, String url) {
            this.type = type;
            this.url = url;
        }
    }

    private final CrossEngineMacrosRenderer renderer = new CrossEngineMacrosRenderer();

    /** Renders the template for the engine, runs it, and returns every row. */
    private List<List<Object>> rows(Engine engine, String template) throws Exception {
        String sql = renderer.render(engine.type, template);
        try (Connection connection = DriverManager.getConnection(engine.url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = result.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int column = 1; column <= metadata.getColumnCount(); column++) {
                    row.add(result.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException failure) {
            throw new AssertionError(engine + " rejected:\n" + sql, failure);
        }
    }

    private <T> T value(Engine engine, String template, Class<T> type) throws Exception {
        String sql = renderer.render(engine.type, template);
        try (Connection connection = DriverManager.getConnection(engine.url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getObject(1, type);
        } catch (SQLException failure) {
            throw new AssertionError(engine + " rejected:\n" + sql, failure);
        }
    }

    private LocalDate date(Engine engine, String expression) throws Exception {
        return value(engine, "select cast(" + expression + " as date)", LocalDate.class);
    }

    private LocalDateTime timestamp(Engine engine, String expression) throws Exception {
        return value(engine, "select cast(" + expression + " as timestamp)", LocalDateTime.class);
    }

    private Long number(Engine engine, String expression) throws Exception {
        return value(engine, "select cast(" + expression + " as bigint)", Long.class);
    }

    private String text(Engine engine, String expression) throws Exception {
        return value(engine, "select " + expression, String.class);
    }

    // ------------------------------------------------------------------ dates and times

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dateTruncStartsThePeriod(Engine engine) throws Exception {
        assertThat(date(engine, "${date_trunc('month', \"date '2024-02-15'\")}")).isEqualTo("2024-02-01");
        assertThat(date(engine, "${date_trunc('quarter', \"date '2024-05-15'\")}")).isEqualTo("2024-04-01");
        assertThat(date(engine, "${date_trunc('year', \"date '2024-05-15'\")}")).isEqualTo("2024-01-01");
        assertThat(date(engine, "${date_trunc('day', \"timestamp '2024-05-15 13:14:15'\")}"))
                .isEqualTo("2024-05-15");
        assertThat(timestamp(engine, "${date_trunc('hour', \"timestamp '2024-05-15 13:14:15'\")}"))
                .isEqualTo("2024-05-15T13:00:00");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void weeksStartOnMonday(Engine engine) throws Exception {
        assertThat(date(engine, "${date_trunc('week', \"date '2024-02-18'\")}")).as("a Sunday")
                .isEqualTo("2024-02-12");
        assertThat(date(engine, "${date_trunc('week', \"date '2024-02-19'\")}")).as("a Monday")
                .isEqualTo("2024-02-19");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dateaddAddsPeriodsAndKeepsMonthEnds(Engine engine) throws Exception {
        assertThat(date(engine, "${dateadd('month', 1, \"date '2024-01-31'\")}")).isEqualTo("2024-02-29");
        assertThat(date(engine, "${dateadd('quarter', 1, \"date '2024-01-31'\")}")).isEqualTo("2024-04-30");
        assertThat(date(engine, "${dateadd('day', -1, \"date '2024-03-01'\")}")).isEqualTo("2024-02-29");
        assertThat(date(engine, "${dateadd('week', '1 + 1', \"date '2024-02-19'\")}")).isEqualTo("2024-03-04");
        assertThat(date(engine, "${dateadd('year', 1, \"date '2024-02-29'\")}")).isEqualTo("2025-02-28");
        assertThat(timestamp(engine, "${dateadd('hour', 3, \"timestamp '2024-01-31 22:00:00'\")}"))
                .isEqualTo("2024-02-01T01:00:00");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void datediffCountsBoundaries(Engine engine) throws Exception {
        assertThat(number(engine, "${datediff(\"date '2024-01-01'\", \"date '2024-03-01'\", 'day')}")).isEqualTo(60);
        assertThat(number(engine, "${datediff(\"date '2024-03-01'\", \"date '2024-01-01'\", 'day')}"))
                .isEqualTo(-60);
        assertThat(number(engine, "${datediff(\"date '2024-01-31'\", \"date '2024-02-01'\", 'month')}"))
                .isEqualTo(1);
        assertThat(number(engine, "${datediff(\"date '2024-03-31'\", \"date '2024-04-01'\", 'quarter')}"))
                .isEqualTo(1);
        assertThat(number(engine, "${datediff(\"date '2024-12-31'\", \"date '2025-01-01'\", 'year')}"))
                .isEqualTo(1);
        assertThat(number(engine, "${datediff(\"timestamp '2024-02-19 23:59:00'\", "
                + "\"timestamp '2024-02-20 00:01:00'\", 'hour')}")).isEqualTo(1);
        assertThat(number(engine, "${datediff(\"timestamp '2024-02-19 23:00:00'\", "
                + "\"timestamp '2024-02-20 01:00:00'\", 'day')}")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void datediffInWeeksCountsMondays(Engine engine) throws Exception {
        assertThat(number(engine, "${datediff(\"date '2024-02-18'\", \"date '2024-02-19'\", 'week')}"))
                .as("Sunday to Monday").isEqualTo(1);
        assertThat(number(engine, "${datediff(\"date '2024-02-19'\", \"date '2024-02-25'\", 'week')}"))
                .as("Monday to Sunday").isEqualTo(0);
        assertThat(number(engine, "${datediff(\"date '2024-02-19'\", \"date '2024-03-04'\", 'week')}"))
                .isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void lastDayEndsThePeriod(Engine engine) throws Exception {
        assertThat(date(engine, "${last_day(\"date '2024-02-10'\", 'month')}")).isEqualTo("2024-02-29");
        assertThat(date(engine, "${last_day(\"date '2024-02-10'\", 'quarter')}")).isEqualTo("2024-03-31");
        assertThat(date(engine, "${last_day(\"date '2024-02-10'\", 'year')}")).isEqualTo("2024-12-31");
        assertThat(date(engine, "${last_day(\"date '2024-02-14'\", 'week')}")).isEqualTo("2024-02-18");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dateSpineRunsFromStartToBeforeEnd(Engine engine) throws Exception {
        assertThat(rows(engine, "select cast(date_month as varchar) from (${date_spine('month', "
                + "\"date '2024-01-01'\", \"date '2024-04-01'\")}) as months order by 1"))
                .containsExactly(List.of("2024-01-01"), List.of("2024-02-01"), List.of("2024-03-01"));
        assertThat(rows(engine, "${date_spine('day', \"'2024-02-27'\", \"'2024-03-02'\")}")).hasSize(4);
        assertThat(rows(engine, "select count(*) from (${date_spine('day', \"date '2020-01-01'\", "
                + "\"date '2021-01-01'\")}) as days")).containsExactly(List.of(366L));
        assertThat(rows(engine, "${date_spine('week', \"date '2024-01-01'\", \"date '2024-01-01'\")}")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dateSpineCountsEachPeriodFromTheStart(Engine engine) throws Exception {
        assertThat(rows(engine, "select cast(date_month as varchar) from (${date_spine('month', "
                + "\"date '2024-01-31'\", \"date '2024-05-01'\")}) as months order by 1"))
                .containsExactly(List.of("2024-01-31"), List.of("2024-02-29"), List.of("2024-03-31"),
                        List.of("2024-04-30"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dateSpineOfHoursIsOfTimestamps(Engine engine) throws Exception {
        List<List<Object>> hours = rows(engine, "select cast(date_hour as varchar) from (${date_spine('hour', "
                + "\"timestamp '2024-01-01 22:30:00'\", \"timestamp '2024-01-02 01:00:00'\")}) as hours order by 1");

        assertThat(hours).extracting(row -> ((String) row.get(0)).substring(0, 19))
                .containsExactly("2024-01-01 22:30:00", "2024-01-01 23:30:00", "2024-01-02 00:30:00");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dateSpineNamesItsColumnAfterTheDatePart(Engine engine) throws Exception {
        String sql = renderer.render(engine.type,
                "${date_spine('week', \"date '2024-01-01'\", \"date '2024-02-01'\")}");
        try (Connection connection = DriverManager.getConnection(engine.url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.getMetaData().getColumnCount()).isEqualTo(1);
            assertThat(result.getMetaData().getColumnLabel(1)).isEqualToIgnoringCase("date_week");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void dateSpineTakesAScalarSubqueryForItsEnds(Engine engine) throws Exception {
        assertThat(rows(engine, "select count(*) from (${date_spine('day', "
                + "\"(select min(d) from (values (date '2024-01-01'), (date '2024-01-05')) as t(d))\", "
                + "\"(select max(d) from (values (date '2024-01-01'), (date '2024-01-05')) as t(d))\")}) as days"))
                .containsExactly(List.of(4L));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void currentTimestampIsNow(Engine engine) throws Exception {
        LocalDate today = value(engine, "select cast(${current_timestamp()} as date)", LocalDate.class);

        assertThat(today).isBetween(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1));
    }

    // ------------------------------------------------------------------ types and casts

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyTypeCanHoldItsValues(Engine engine) throws Exception {
        List<List<Object>> rows = rows(engine, """
                select cast('text' as ${type_string()}), cast(2147483647 as ${type_int()}),
                       cast(9223372036854775807 as ${type_bigint()}), cast(0.1 as ${type_float()}),
                       cast(1234567890123456789012.123456 as ${type_numeric()}),
                       cast('2024-01-02 03:04:05.123456' as ${type_timestamp()}), cast('2024-01-02' as ${type_date()}),
                       cast('true' as ${type_boolean()})""");

        List<Object> row = rows.get(0);
        assertThat(row.get(0)).isEqualTo("text");
        assertThat(((Number) row.get(1)).longValue()).isEqualTo(2147483647L);
        assertThat(((Number) row.get(2)).longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(row.get(3)).isEqualTo(0.1d);
        assertThat((BigDecimal) row.get(4)).isEqualByComparingTo("1234567890123456789012.123456");
        assertThat(row.get(5).toString()).startsWith("2024-01-02 03:04:05.123456");
        assertThat(row.get(6).toString()).isEqualTo("2024-01-02");
        assertThat(row.get(7)).isEqualTo(true);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void safeCastGivesNullForBadValues(Engine engine) throws Exception {
        assertThat(number(engine, "${safe_cast(\"'12'\", type_int())}")).isEqualTo(12);
        assertThat(number(engine, "${safe_cast(\"' -12 '\", type_int())}")).isEqualTo(-12);
        assertThat(number(engine, "${safe_cast(\"'abc'\", type_int())}")).isNull();
        assertThat(number(engine, "${safe_cast(\"''\", type_int())}")).isNull();
        assertThat(number(engine, "${safe_cast(\"'2147483648'\", type_int())}")).as("too big").isNull();
        assertThat(number(engine, "${safe_cast(\"'9223372036854775807'\", type_bigint())}"))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(number(engine, "${safe_cast(\"'2.5'\", type_int())}")).as("rounded").isEqualTo(3);
        assertThat(number(engine, "${safe_cast('null', type_int())}")).isNull();
        assertThat(value(engine, "select ${safe_cast(\"'123.456'\", 'numeric(5,2)')}", BigDecimal.class))
                .isEqualByComparingTo("123.46");
        assertThat(value(engine, "select ${safe_cast(\"'1234.5'\", 'numeric(5,2)')}", BigDecimal.class))
                .as("too many digits").isNull();
        assertThat(value(engine, "select ${safe_cast(\"'1.5e3'\", type_float())}", Double.class)).isEqualTo(1500d);
        assertThat(value(engine, "select ${safe_cast(\"'1,5'\", type_float())}", Double.class)).isNull();
        assertThat(value(engine, "select ${safe_cast(\"'yes'\", type_boolean())}", Boolean.class)).isTrue();
        assertThat(value(engine, "select ${safe_cast(\"'maybe'\", type_boolean())}", Boolean.class)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void safeCastGivesNullForDatesThatDoNotExist(Engine engine) throws Exception {
        assertThat(date(engine, "${safe_cast(\"'2024-02-29'\", type_date())}")).isEqualTo("2024-02-29");
        assertThat(date(engine, "${safe_cast(\"'2000-02-29'\", type_date())}")).isEqualTo("2000-02-29");
        assertThat(date(engine, "${safe_cast(\"'2024-1-5'\", type_date())}")).isEqualTo("2024-01-05");
        assertThat(date(engine, "${safe_cast(\"'2024-03-31 10:00:00'\", type_date())}")).isEqualTo("2024-03-31");
        assertThat(date(engine, "${safe_cast(\"'2024-02-30'\", type_date())}")).isNull();
        assertThat(date(engine, "${safe_cast(\"'2023-02-29'\", type_date())}")).isNull();
        assertThat(date(engine, "${safe_cast(\"'1900-02-29'\", type_date())}")).isNull();
        assertThat(date(engine, "${safe_cast(\"'2024-04-31'\", type_date())}")).isNull();
        assertThat(date(engine, "${safe_cast(\"'2024-13-01'\", type_date())}")).isNull();
        assertThat(date(engine, "${safe_cast(\"'yesterday'\", type_date())}")).isNull();
        assertThat(timestamp(engine, "${safe_cast(\"'2024-01-02 03:04:05.5'\", type_timestamp())}"))
                .isEqualTo("2024-01-02T03:04:05.5");
        assertThat(timestamp(engine, "${safe_cast(\"'2024-01-02T03:04'\", type_timestamp())}"))
                .isEqualTo("2024-01-02T03:04");
        assertThat(timestamp(engine, "${safe_cast(\"'2024-01-02 25:00:00'\", type_timestamp())}")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void safeCastWorksRowByRow(Engine engine) throws Exception {
        assertThat(rows(engine, "select ${safe_cast('v', type_int())} from (values ('1'), ('x'), ('3')) as t(v)"))
                .extracting(row -> row.get(0) == null ? null : ((Number) row.get(0)).longValue())
                .containsExactly(1L, null, 3L);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void castBoolToTextIsLowerCase(Engine engine) throws Exception {
        assertThat(text(engine, "${cast_bool_to_text('true')}")).isEqualTo("true");
        assertThat(text(engine, "${cast_bool_to_text('1 = 2')}")).isEqualTo("false");
    }

    // ------------------------------------------------------------------ strings

    @ParameterizedTest
    @EnumSource(Engine.class)
    void hashIsTheMd5HexOfTheText(Engine engine) throws Exception {
        assertThat(text(engine, "${hash(\"'abc'\")}")).isEqualTo(md5("abc"));
        assertThat(text(engine, "${hash(\"'Ocean Ave & Geneva Ave, São Paulo'\")}"))
                .isEqualTo(md5("Ocean Ave & Geneva Ave, São Paulo"));
        assertThat(text(engine, "${hash('42')}")).isEqualTo(md5("42"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void generateSurrogateKeyIsDbtUtilsKey(Engine engine) throws Exception {
        assertThat(text(engine, "${generate_surrogate_key([\"'a'\", 'null'])}"))
                .isEqualTo(md5("a-_quarry_null_"));
        assertThat(text(engine, "${generate_surrogate_key(['null', \"'a'\"])}"))
                .isEqualTo(md5("_quarry_null_-a"));
        assertThat(text(engine, "${generate_surrogate_key(['42', \"date '2024-01-31'\", \"'x'\"])}"))
                .isEqualTo(md5("42-2024-01-31-x"));
    }

    @Test
    void generateSurrogateKeyIsTheSameOnBothEngines() throws Exception {
        String template = "select ${generate_surrogate_key(['id', 'name', 'reported_on'])} from (values "
                + "(1, 'a', date '2024-01-01'), (2, null, date '2024-01-02'), (null, 'a', null)) "
                + "as t(id, name, reported_on) order by id nulls last";

        List<List<Object>> duckdb = rows(Engine.DUCKDB, template);
        List<List<Object>> h2 = rows(Engine.H2, template);

        assertThat(duckdb).hasSize(3).doesNotHaveDuplicates().isEqualTo(h2);
    }

    @Test
    void generateSurrogateKeyTellsNullsApart() throws Exception {
        String template = "select ${generate_surrogate_key(['x', 'y'])} from (values ('a', null), (null, 'a'))"
                + " as t(x, y)";

        for (Engine engine : Engine.values()) {
            assertThat(rows(engine, template)).as(engine.type).hasSize(2).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void concatIsNullWhenAPartIsNull(Engine engine) throws Exception {
        assertThat(text(engine, "${concat([\"'Mission'\", \"' / '\", \"'24th St'\"])}")).isEqualTo("Mission / 24th St");
        assertThat(text(engine, "${concat([\"'Mission'\", 'null'])}")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void splitPartCountsFromOne(Engine engine) throws Exception {
        assertThat(text(engine, "${split_part(\"'a,b,c'\", \"','\", 1)}")).isEqualTo("a");
        assertThat(text(engine, "${split_part(\"'a,b,c'\", \"','\", 3)}")).isEqualTo("c");
        assertThat(text(engine, "${split_part(\"'a,,c'\", \"','\", 2)}")).isEqualTo("");
        assertThat(text(engine, "${split_part(\"'a,b,c'\", \"','\", 4)}")).as("past the end").isNull();
        assertThat(text(engine, "${split_part(\"'10.0.0.1'\", \"'.'\", 2)}")).isEqualTo("0");
        assertThat(text(engine, "${split_part(\"'x||y\\\\E||z'\", \"'||'\", 2)}")).isEqualTo("y\\E");
        assertThat(text(engine, "${split_part(\"'a,b'\", \"','\", '1 + 1')}")).isEqualTo("b");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void stringLiteralAndEscapeSingleQuotesKeepTheText(Engine engine) throws Exception {
        assertThat(text(engine, "${string_literal(\"O'Farrell St \\\\ 'Market'\")}"))
                .isEqualTo("O'Farrell St \\ 'Market'");
        assertThat(text(engine, "'${escape_single_quotes(\"it's\")}'")).isEqualTo("it's");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void positionLengthReplaceAndRight(Engine engine) throws Exception {
        assertThat(number(engine, "${position(\"'St'\", \"'Market St'\")}")).isEqualTo(8);
        assertThat(number(engine, "${position(\"'Ave'\", \"'Market St'\")}")).isEqualTo(0);
        assertThat(number(engine, "${length(\"'Market St'\")}")).isEqualTo(9);
        assertThat(text(engine, "${replace(\"'Market St'\", \"'St'\", \"'Street'\")}")).isEqualTo("Market Street");
        assertThat(text(engine, "${right(\"'94110'\", 3)}")).isEqualTo("110");
    }

    // ------------------------------------------------------------------ aggregates

    @ParameterizedTest
    @EnumSource(Engine.class)
    void listaggJoinsInOrderAndSkipsNulls(Engine engine) throws Exception {
        String values = " from (values ('b'), ('a'), (null), ('c')) as t(x)";

        assertThat(text(engine, "${listagg('x', \"', '\", 'order by x desc')}" + values)).isEqualTo("c, b, a");
        assertThat(text(engine, "${listagg('x', \"'|'\", 'x')}" + values)).isEqualTo("a|b|c");
        assertThat(text(engine, "${listagg('x')}" + values)).matches("[abc],[abc],[abc]");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anyValueAndBoolOr(Engine engine) throws Exception {
        String values = " from (values (cast(null as varchar), false), ('x', true), ('x', false)) as t(v, b)";

        assertThat(text(engine, "${any_value('v')}" + values)).isEqualTo("x");
        assertThat(value(engine, "select ${bool_or('b')}" + values, Boolean.class)).isTrue();
        assertThat(value(engine, "select ${bool_or('not b')}" + values + " where b", Boolean.class)).isFalse();
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
