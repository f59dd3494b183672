package dev.quarry.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import dev.quarry.project.MacroFile;

/** The exact SQL text every cross-engine macro renders for DuckDB, H2 and BigQuery. */
class CrossEngineMacrosTest {

    private final CrossEngineMacrosRenderer renderer = new CrossEngineMacrosRenderer();

    private void assertRenders(String template, String duckdb, String h2, String bigquery) throws TemplateFailure {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(renderer.render("duckdb", template)).as("duckdb: %s", template).isEqualTo(duckdb);
        softly.assertThat(renderer.render("h2", template)).as("h2: %s", template).isEqualTo(h2);
        softly.assertThat(renderer.render("bigquery", template)).as("bigquery: %s", template).isEqualTo(bigquery);
        softly.assertAll();
    }

    private void assertRendersEverywhere(String template, String sql) throws TemplateFailure {
        assertRenders(template, sql, sql, sql);
    }

    // ------------------------------------------------------------------ dates and times

    @Test
    void dateTrunc() throws Exception {
        assertRenders("${date_trunc('month', 'incident_date')}",
                "date_trunc('month', incident_date)",
                "date_trunc(MONTH, incident_date)",
                "date_trunc(incident_date, month)");
        assertRenders("${date_trunc('HOUR', 'reported_at')}",
                "date_trunc('hour', reported_at)",
                "date_trunc(HOUR, reported_at)",
                "date_trunc(reported_at, hour)");
    }

    @Test
    void dateTruncToAWeekStartsOnMondayEverywhere() throws Exception {
        assertRenders("${date_trunc('week', 'd')}",
                "date_trunc('week', d)",
                "date_trunc(ISO_WEEK, d)",
                "date_trunc(d, isoweek)");
    }

    @Test
    void dateadd() throws Exception {
        assertRenders("${dateadd('month', 1, 'incident_date')}",
                "date_add(incident_date, interval (1) month)",
                "dateadd(MONTH, 1, incident_date)",
                "datetime_add(cast(incident_date as datetime), interval (1) month)");
        assertRenders("${dateadd('week', 'n - 1', 'd')}",
                "date_add(d, interval (n - 1) week)",
                "dateadd(WEEK, n - 1, d)",
                "datetime_add(cast(d as datetime), interval (n - 1) week)");
    }

    @Test
    void datediff() throws Exception {
        assertRenders("${datediff('opened_at', 'closed_at', 'day')}",
                "date_diff('day', cast(opened_at as timestamp), cast(closed_at as timestamp))",
                "datediff(DAY, opened_at, closed_at)",
                "datetime_diff(cast(closed_at as datetime), cast(opened_at as datetime), day)");
    }

    @Test
    void datediffInWeeksCountsMondays() throws Exception {
        assertRenders("${datediff('a', 'b', 'week')}",
                "date_diff('week', date_trunc('week', cast(a as timestamp)), date_trunc('week', cast(b as timestamp)))",
                "datediff(ISO_WEEK, a, b)",
                "datetime_diff(cast(b as datetime), cast(a as datetime), isoweek)");
    }

    @Test
    void lastDay() throws Exception {
        assertRenders("${last_day('d', 'month')}",
                "cast(date_add(date_add(date_trunc('month', d), interval (1) month), interval (-1) day) as date)",
                "cast(dateadd(DAY, -1, dateadd(MONTH, 1, date_trunc(MONTH, d))) as date)",
                "last_day(cast(d as date), month)");
        assertRenders("${last_day('d', 'week')}",
                "cast(date_add(date_add(date_trunc('week', d), interval (1) week), interval (-1) day) as date)",
                "cast(dateadd(DAY, -1, dateadd(WEEK, 1, date_trunc(ISO_WEEK, d))) as date)",
                "last_day(cast(d as date), isoweek)");
    }

    @Test
    void lastDayDefaultsToTheMonth() throws Exception {
        assertThat(renderer.render("bigquery", "${last_day('d')}")).isEqualTo("last_day(cast(d as date), month)");
    }

    @Test
    void dateSpineOfDates() throws Exception {
        assertRenders("${date_spine('month', \"date '2024-01-01'\", \"date '2024-04-01'\")}",
                """
                select date_month
                from (
                    select cast(date_add(cast(date '2024-01-01' as date), interval (period_index) month) as date) \
                as date_month
                    from generate_series(0, date_diff('month', cast(date '2024-01-01' as date), \
                cast(date '2024-04-01' as date))) as periods(period_index)
                ) as spine
                where date_month < cast(date '2024-04-01' as date)""",
                """
                select date_month
                from (
                    select cast(dateadd(MONTH, periods.x, cast(date '2024-01-01' as date)) as date) as date_month
                    from system_range(0, datediff(MONTH, cast(date '2024-01-01' as date), \
                cast(date '2024-04-01' as date))) as periods
                ) as spine
                where date_month < cast(date '2024-04-01' as date)""",
                """
                select date_month
                from (
                    select date_add(cast(date '2024-01-01' as date), interval period_index month) as date_month
                    from unnest(generate_array(0, date_diff(cast(date '2024-04-01' as date), \
                cast(date '2024-01-01' as date), month))) as period_index
                ) as spine
                where date_month < cast(date '2024-04-01' as date)""");
    }

    @Test
    void dateSpineOfHoursIsOfTimestamps() throws Exception {
        assertRenders("${date_spine('hour', 's', 'e')}",
                """
                select date_hour
                from (
                    select cast(date_add(cast(s as timestamp), interval (period_index) hour) as timestamp) \
                as date_hour
                    from generate_series(0, date_diff('hour', cast(s as timestamp), cast(e as timestamp))) \
                as periods(period_index)
                ) as spine
                where date_hour < cast(e as timestamp)""",
                """
                select date_hour
                from (
                    select cast(dateadd(HOUR, periods.x, cast(s as timestamp)) as timestamp) as date_hour
                    from system_range(0, datediff(HOUR, cast(s as timestamp), cast(e as timestamp))) as periods
                ) as spine
                where date_hour < cast(e as timestamp)""",
                """
                select date_hour
                from (
                    select timestamp_add(cast(s as timestamp), interval period_index hour) as date_hour
                    from unnest(generate_array(0, timestamp_diff(cast(e as timestamp), cast(s as timestamp), \
                hour))) as period_index
                ) as spine
                where date_hour < cast(e as timestamp)""");
    }

    @Test
    void currentTimestamp() throws Exception {
        assertRendersEverywhere("${current_timestamp()}", "current_timestamp");
    }

    @Test
    void anUnknownDatePartStopsRenderingWithItsName() {
        assertThatThrownBy(() -> renderer.render("h2", "select\n  ${date_trunc('fortnight', 'd')}"))
                .isInstanceOfSatisfying(TemplateFailure.class, failure -> {
                    assertThat(failure.diagnostic().format()).contains("date_trunc(): unknown date part "
                            + "'fortnight'; use one of year, quarter, month, week, day, hour, minute, second")
                            .contains("called from models/");
                });
        assertThatThrownBy(() -> renderer.render("bigquery", "${last_day('d', 'day')}"))
                .isInstanceOfSatisfying(TemplateFailure.class, failure -> assertThat(failure.diagnostic().format())
                        .contains("last_day(): unknown date part 'day'; use one of year, quarter, month, week"));
    }

    // ------------------------------------------------------------------ types and casts

    @Test
    void types() throws Exception {
        assertRenders("${type_string()} ${type_int()} ${type_bigint()} ${type_float()} ${type_numeric()} "
                        + "${type_timestamp()} ${type_date()} ${type_boolean()}",
                "varchar integer bigint double precision numeric(28,6) timestamp date boolean",
                "varchar integer bigint double precision numeric(28,6) timestamp date boolean",
                "string int64 int64 float64 numeric timestamp date bool");
    }

    @Test
    void safeCast() throws Exception {
        assertRenders("${safe_cast('raw_value', type_date())}",
                "try_cast(raw_value as date)",
                "cast(cast(case when regexp_like(trim(cast(raw_value as varchar)), '" + H2_TIMESTAMP_PATTERN
                        + "') then trim(cast(raw_value as varchar)) end as timestamp) as date)",
                "safe_cast(raw_value as date)");
    }

    private static final String H2_NUMBER_PATTERN = "^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?$";
    private static final String H2_TIMESTAMP_PATTERN = "^([0-9]{4}-(0?[13578]|1[02])-(0?[1-9]|[12][0-9]|3[01])"
            + "|[0-9]{4}-(0?[469]|11)-(0?[1-9]|[12][0-9]|30)"
            + "|[0-9]{4}-0?2-(0?[1-9]|1[0-9]|2[0-8])"
            + "|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-0?2-29)"
            + "([ T]([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?)?$";

    @Test
    void safeCastOnH2ChecksTheTextBeforeCasting() throws Exception {
        String text = "trim(cast(v as varchar))";
        String number = "cast(case when regexp_like(" + text + ", '" + H2_NUMBER_PATTERN + "') then " + text
                + " end as decfloat)";
        assertThat(renderer.render("h2", "${safe_cast('v', 'integer')}")).isEqualTo("cast(case when " + number
                + " between -2147483648 and 2147483647 then " + number + " end as integer)");
        assertThat(renderer.render("h2", "${safe_cast('v', 'BIGINT')}")).isEqualTo("cast(case when " + number
                + " between -9223372036854775808 and 9223372036854775807 then " + number + " end as BIGINT)");
        assertThat(renderer.render("h2", "${safe_cast('v', 'numeric(5, 2)')}")).isEqualTo("cast(case when abs(round("
                + number + ", 2)) < 1000 then " + number + " end as numeric(5, 2))");
        assertThat(renderer.render("h2", "${safe_cast('v', 'decimal')}")).isEqualTo("cast(" + number
                + " as decimal)");
        assertThat(renderer.render("h2", "${safe_cast('v', type_float())}")).isEqualTo("cast(case when regexp_like("
                + text + ", '^([+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?|NaN|[+-]?Infinity)$') then "
                + text + " end as double precision)");
        assertThat(renderer.render("h2", "${safe_cast('v', type_boolean())}")).isEqualTo("cast(case when regexp_like("
                + text + ", '^(?i)(true|false|t|f|yes|no|y|n|1|0)$') then " + text + " end as boolean)");
        assertThat(renderer.render("h2", "${safe_cast('v', type_timestamp())}")).isEqualTo("cast(case when "
                + "regexp_like(" + text + ", '" + H2_TIMESTAMP_PATTERN + "') then " + text + " end as timestamp)");
        assertThat(renderer.render("h2", "${safe_cast('v', type_string())}")).isEqualTo("cast(v as varchar)");
        assertThat(renderer.render("h2", "${safe_cast('v', 'time')}")).isEqualTo("cast(v as time)");
    }

    @Test
    void castBoolToText() throws Exception {
        assertRenders("${cast_bool_to_text('is_open')}",
                "cast(is_open as varchar)",
                "lower(cast(is_open as varchar))",
                "cast(is_open as string)");
    }

    // ------------------------------------------------------------------ strings

    @Test
    void concat() throws Exception {
        assertRendersEverywhere("${concat(['first_name', \"' '\", 'last_name'])}", "(first_name || ' ' || last_name)");
    }

    @Test
    void hash() throws Exception {
        assertRenders("${hash('incident_id')}",
                "md5(cast(incident_id as varchar))",
                "rawtohex(hash('MD5', cast(incident_id as varchar)))",
                "to_hex(md5(cast(incident_id as string)))");
    }

    @Test
    void generateSurrogateKey() throws Exception {
        assertRenders("${generate_surrogate_key(['incident_id', 'row_id'])}",
                "md5(cast(coalesce(cast(incident_id as varchar), '_quarry_null_') || '-' || "
                        + "coalesce(cast(row_id as varchar), '_quarry_null_') as varchar))",
                "rawtohex(hash('MD5', cast(coalesce(cast(incident_id as varchar), '_quarry_null_') || '-' || "
                        + "coalesce(cast(row_id as varchar), '_quarry_null_') as varchar)))",
                "to_hex(md5(cast(coalesce(cast(incident_id as string), '_quarry_null_') || '-' || "
                        + "coalesce(cast(row_id as string), '_quarry_null_') as string)))");
    }

    @Test
    void generateSurrogateKeyTakesASingleColumnAsText() throws Exception {
        assertThat(renderer.render("duckdb", "${generate_surrogate_key('row_id')}"))
                .isEqualTo("md5(cast(coalesce(cast(row_id as varchar), '_quarry_null_') as varchar))");
    }

    @Test
    void generateSurrogateKeyNeedsAColumn() {
        assertThatThrownBy(() -> renderer.render("duckdb", "${generate_surrogate_key([])}"))
                .isInstanceOfSatisfying(TemplateFailure.class, failure -> assertThat(failure.diagnostic().format())
                        .contains("generate_surrogate_key() needs at least one column"));
    }

    @Test
    void splitPart() throws Exception {
        assertRenders("${split_part('address', \"','\", 2)}",
                "string_split(address, ',')[2]",
                "regexp_substr(address || ',', '(.*?)\\Q' || ',' || '\\E', 1, 2, 'n', 1)",
                "split(address, ',')[safe_ordinal(2)]");
    }

    @Test
    void escapeSingleQuotes() throws Exception {
        assertRenders("${escape_single_quotes(\"O'Farrell St \\\\ Market\")}",
                "O''Farrell St \\ Market",
                "O''Farrell St \\ Market",
                "O\\'Farrell St \\\\ Market");
    }

    @Test
    void escapeSingleQuotesWritesLineBreaksAsEscapesOnBigQuery() throws Exception {
        assertThat(renderer.render("bigquery", "${escape_single_quotes('a\\nb\\r')}")).isEqualTo("a\\nb\\r");
        assertThat(renderer.render("duckdb", "${escape_single_quotes('a\\nb')}")).isEqualTo("a\nb");
    }

    @Test
    void stringLiteral() throws Exception {
        assertRenders("${string_literal(\"it's\")}", "'it''s'", "'it''s'", "'it\\'s'");
    }

    @Test
    void position() throws Exception {
        assertRenders("${position(\"','\", 'address')}",
                "position(',' in address)",
                "position(',' in address)",
                "strpos(address, ',')");
    }

    @Test
    void lengthReplaceAndRight() throws Exception {
        assertRendersEverywhere("${length('address')}", "length(address)");
        assertRendersEverywhere("${replace('address', \"'St'\", \"'Street'\")}", "replace(address, 'St', 'Street')");
        assertRendersEverywhere("${right('zip', 3)}", "right(zip, 3)");
    }

    // ------------------------------------------------------------------ aggregates

    @Test
    void listagg() throws Exception {
        assertRenders("${listagg('category', \"', '\", 'order by category desc')}",
                "string_agg(category, ', ' order by category desc)",
                "listagg(category, ', ') within group (order by category desc)",
                "string_agg(category, ', ' order by category desc)");
    }

    @Test
    void listaggWithoutAnOrder() throws Exception {
        assertRenders("${listagg('category')}",
                "string_agg(category, ',')",
                "listagg(category, ',')",
                "string_agg(category, ',')");
    }

    @Test
    void listaggAddsTheMissingOrderByWords() throws Exception {
        assertThat(renderer.render("h2", "${listagg('c', \"'|'\", ' c desc ')}"))
                .isEqualTo("listagg(c, '|') within group (order by c desc)");
        assertThat(renderer.render("duckdb", "${listagg('c', \"'|'\", 'ORDER BY c')}"))
                .isEqualTo("string_agg(c, '|' ORDER BY c)");
    }

    @Test
    void anyValue() throws Exception {
        assertRendersEverywhere("${any_value('district')}", "any_value(district)");
    }

    @Test
    void boolOr() throws Exception {
        assertRenders("${bool_or('is_open')}", "bool_or(is_open)", "bool_or(is_open)", "logical_or(is_open)");
    }

    // ------------------------------------------------------------------ dispatch

    @Test
    void theLibraryWritesNothingButWhatIsCalled() throws Exception {
        assertThat(renderer.render("duckdb", "select 1")).isEqualTo("select 1");
        assertThat(renderer.render("duckdb", "a${type_int()}b")).isEqualTo("aintegerb");
    }

    @Test
    void aProjectMacroOverridesDateTruncForH2Only() throws Exception {
        CrossEngineMacrosRenderer overridden = new CrossEngineMacrosRenderer(new MacroFile("macros/dates.ftl",
                "<#function h2__date_trunc datepart expr><#return \"trunc(\" + expr + \", '\" + datepart + \"')\">"
                        + "</#function>"));

        assertThat(overridden.render("h2", "${date_trunc('month', 'd')}")).isEqualTo("trunc(d, 'month')");
        assertThat(overridden.render("duckdb", "${date_trunc('month', 'd')}")).isEqualTo("date_trunc('month', d)");
        assertThat(overridden.render("bigquery", "${date_trunc('month', 'd')}")).isEqualTo("date_trunc(d, month)");
        // Built-ins that truncate call the public function, so they pick the override up too.
        assertThat(overridden.render("h2", "${last_day('d', 'month')}"))
                .isEqualTo("cast(dateadd(DAY, -1, dateadd(MONTH, 1, trunc(d, 'month'))) as date)");
    }

    @Test
    void aProjectMacroOverridesTheDefaultForAnEngineWithoutItsOwnVariant() throws Exception {
        CrossEngineMacrosRenderer overridden = new CrossEngineMacrosRenderer(new MacroFile("macros/types.ftl",
                "<#function duckdb__type_string><#return \"text\"></#function>"));

        assertThat(overridden.render("duckdb", "${type_string()}")).isEqualTo("text");
        assertThat(overridden.render("duckdb", "${hash('x')}")).isEqualTo("md5(cast(x as text))");
        assertThat(overridden.render("h2", "${type_string()}")).isEqualTo("varchar");
    }
}
