<#--
  Quarry's built-in cross-engine macro library, included in front of every template.

  Each public function dispatches on target.type: a project macro named <engine>__<name> (defined in macros/*.ftl,
  which are included after this file) wins over the built-in <engine>__<name>, which wins over default__<name>.

  Arguments are SQL text, as in dbt: date_trunc('month', 'incident_date') truncates the column incident_date, and
  string_literal("it's") is the only function that takes plain text. Lists are FreeMarker sequences (['a', 'b']).
  Date parts are year, quarter, month, week, day, hour, minute and second; a week is an ISO week (it starts on
  Monday) on every engine. Names starting with quarry_ are internal.
-->
<#function quarry_dispatch name>
  <#local engine_specific = target.type + "__" + name>
  <#if .main[engine_specific]??>
    <#return .main[engine_specific]>
  </#if>
  <#return .main["default__" + name]>
</#function>

<#-- The date part in lower case; stops rendering with a clear message when the function does not support it. -->
<#function quarry_datepart function datepart
    allowed=["year", "quarter", "month", "week", "day", "hour", "minute", "second"]>
  <#local part = ("" + datepart)?trim?lower_case>
  <#if !allowed?seq_contains(part)>
    <#stop function + "(): unknown date part '" + datepart + "'; use one of " + allowed?join(", ")>
  </#if>
  <#return part>
</#function>

<#-- True for date parts below a day, whose values are timestamps rather than dates. -->
<#function quarry_is_time_part part><#return ["hour", "minute", "second"]?seq_contains(part)></#function>

<#-- H2 names ISO weeks ISO_WEEK in DATE_TRUNC and DATEDIFF; its WEEK depends on the JVM's locale. -->
<#function quarry_h2_boundary_part part>
  <#return (part == "week")?then("ISO_WEEK", part?upper_case)>
</#function>

<#-- BigQuery's WEEK starts on Sunday in DATE_TRUNC, DATETIME_DIFF and LAST_DAY; ISOWEEK starts on Monday. -->
<#function quarry_bigquery_boundary_part part>
  <#return (part == "week")?then("isoweek", part)>
</#function>


<#-- ==================================== Dates and times ==================================== -->

<#-- date_trunc(datepart, expr): the start of the period containing expr (DuckDB returns a timestamp for a date). -->
<#function date_trunc datepart expr><#return quarry_dispatch("date_trunc")(datepart, expr)></#function>
<#function default__date_trunc datepart expr>
  <#return "date_trunc('" + quarry_datepart("date_trunc", datepart) + "', " + expr + ")">
</#function>
<#function h2__date_trunc datepart expr>
  <#return "date_trunc(" + quarry_h2_boundary_part(quarry_datepart("date_trunc", datepart)) + ", " + expr + ")">
</#function>
<#function bigquery__date_trunc datepart expr>
  <#return "date_trunc(" + expr + ", " + quarry_bigquery_boundary_part(quarry_datepart("date_trunc", datepart)) + ")">
</#function>

<#-- dateadd(datepart, interval, expr): expr plus interval (an integer expression) date parts. -->
<#function dateadd datepart interval expr><#return quarry_dispatch("dateadd")(datepart, interval, expr)></#function>
<#function default__dateadd datepart interval expr>
  <#return "date_add(" + expr + ", interval (" + interval + ") " + quarry_datepart("dateadd", datepart) + ")">
</#function>
<#function h2__dateadd datepart interval expr>
  <#return "dateadd(" + quarry_datepart("dateadd", datepart)?upper_case + ", " + interval + ", " + expr + ")">
</#function>
<#-- DATETIME_ADD is the one BigQuery function that adds every date part to a date or a timestamp (as dbt does). -->
<#function bigquery__dateadd datepart interval expr>
  <#return "datetime_add(cast(" + expr + " as datetime), interval (" + interval + ") "
      + quarry_datepart("dateadd", datepart) + ")">
</#function>

<#-- datediff(first, second, datepart): the number of date part boundaries from first to second (second - first). -->
<#function datediff first second datepart><#return quarry_dispatch("datediff")(first, second, datepart)></#function>
<#function default__datediff first second datepart>
  <#local part = quarry_datepart("datediff", datepart)>
  <#local from = "cast(" + first + " as timestamp)">
  <#local to = "cast(" + second + " as timestamp)">
  <#if part == "week">
    <#-- DuckDB's date_diff('week') counts whole 7-day spans, not Monday boundaries: compare the weeks' Mondays. -->
    <#local from = "date_trunc('week', " + from + ")">
    <#local to = "date_trunc('week', " + to + ")">
  </#if>
  <#return "date_diff('" + part + "', " + from + ", " + to + ")">
</#function>
<#function h2__datediff first second datepart>
  <#return "datediff(" + quarry_h2_boundary_part(quarry_datepart("datediff", datepart)) + ", " + first + ", "
      + second + ")">
</#function>
<#function bigquery__datediff first second datepart>
  <#return "datetime_diff(cast(" + second + " as datetime), cast(" + first + " as datetime), "
      + quarry_bigquery_boundary_part(quarry_datepart("datediff", datepart)) + ")">
</#function>

<#-- last_day(date, datepart): the last date of the week, month, quarter or year containing date, as a date. -->
<#function last_day date datepart="month"><#return quarry_dispatch("last_day")(date, datepart)></#function>
<#function default__last_day date datepart>
  <#local part = quarry_datepart("last_day", datepart, ["year", "quarter", "month", "week"])>
  <#return "cast(" + dateadd("day", "-1", dateadd(part, "1", date_trunc(part, date))) + " as date)">
</#function>
<#function bigquery__last_day date datepart>
  <#local part = quarry_datepart("last_day", datepart, ["year", "quarter", "month", "week"])>
  <#return "last_day(cast(" + date + " as date), " + quarry_bigquery_boundary_part(part) + ")">
</#function>

<#--
  date_spine(datepart, start_date, end_date): a SELECT of one column date_<datepart>, one row per period from
  start_date (inclusive) to end_date (exclusive); dates for year..day, timestamps for hour..second. Like dbt_utils,
  row n is start_date plus n periods (so a spine starting on 31 January continues 29 February, 31 March); the series
  is generated one period longer than the boundary count and cut at end_date. Start and end are SQL expressions
  without row context (literals, casts, scalar subqueries); each appears more than once in the SQL.
-->
<#function date_spine datepart start_date end_date>
  <#return quarry_dispatch("date_spine")(datepart, start_date, end_date)>
</#function>
<#function default__date_spine datepart start_date end_date>
  <#local part = quarry_datepart("date_spine", datepart)>
  <#local type = quarry_is_time_part(part)?then("timestamp", "date")>
  <#local start = "cast(" + start_date + " as " + type + ")">
  <#local end = "cast(" + end_date + " as " + type + ")">
  <#return quarry_spine(part,
      "cast(date_add(" + start + ", interval (period_index) " + part + ") as " + type + ")",
      "generate_series(0, date_diff('" + part + "', " + start + ", " + end + ")) as periods(period_index)", end)>
</#function>
<#function h2__date_spine datepart start_date end_date>
  <#local part = quarry_datepart("date_spine", datepart)>
  <#local type = quarry_is_time_part(part)?then("timestamp", "date")>
  <#local start = "cast(" + start_date + " as " + type + ")">
  <#local end = "cast(" + end_date + " as " + type + ")">
  <#return quarry_spine(part,
      "cast(dateadd(" + part?upper_case + ", periods.x, " + start + ") as " + type + ")",
      "system_range(0, datediff(" + part?upper_case + ", " + start + ", " + end + ")) as periods", end)>
</#function>
<#-- DATE_ADD and DATE_DIFF take days and longer parts; TIMESTAMP_ADD and TIMESTAMP_DIFF take days and shorter. -->
<#function bigquery__date_spine datepart start_date end_date>
  <#local part = quarry_datepart("date_spine", datepart)>
  <#local type = quarry_is_time_part(part)?then("timestamp", "date")>
  <#local start = "cast(" + start_date + " as " + type + ")">
  <#local end = "cast(" + end_date + " as " + type + ")">
  <#return quarry_spine(part,
      type + "_add(" + start + ", interval period_index " + part + ")",
      "unnest(generate_array(0, " + type + "_diff(" + end + ", " + start + ", " + part + "))) as period_index", end)>
</#function>
<#function quarry_spine part value periods end>
  <#local column = "date_" + part>
  <#return "select " + column + "\nfrom (\n    select " + value + " as " + column + "\n    from " + periods
      + "\n) as spine\nwhere " + column + " < " + end>
</#function>

<#-- current_timestamp(): the time the statement started, with a time zone on every engine. -->
<#function current_timestamp><#return quarry_dispatch("current_timestamp")()></#function>
<#function default__current_timestamp><#return "current_timestamp"></#function>


<#-- ==================================== Types and casts ==================================== -->

<#-- type_string(): a variable-length string without a length limit. -->
<#function type_string><#return quarry_dispatch("type_string")()></#function>
<#function default__type_string><#return "varchar"></#function>
<#function bigquery__type_string><#return "string"></#function>

<#-- type_int(): a 32-bit integer (BigQuery has only the 64-bit INT64). -->
<#function type_int><#return quarry_dispatch("type_int")()></#function>
<#function default__type_int><#return "integer"></#function>
<#function bigquery__type_int><#return "int64"></#function>

<#-- type_bigint(): a 64-bit integer. -->
<#function type_bigint><#return quarry_dispatch("type_bigint")()></#function>
<#function default__type_bigint><#return "bigint"></#function>
<#function bigquery__type_bigint><#return "int64"></#function>

<#-- type_float(): a 64-bit binary floating point number (DuckDB's FLOAT would be 32-bit). -->
<#function type_float><#return quarry_dispatch("type_float")()></#function>
<#function default__type_float><#return "double precision"></#function>
<#function bigquery__type_float><#return "float64"></#function>

<#-- type_numeric(): an exact decimal; dbt's numeric(28,6), and BigQuery's NUMERIC (38 digits, 9 after the point). -->
<#function type_numeric><#return quarry_dispatch("type_numeric")()></#function>
<#function default__type_numeric><#return "numeric(28,6)"></#function>
<#function bigquery__type_numeric><#return "numeric"></#function>

<#-- type_timestamp(): DuckDB's and H2's TIMESTAMP have no time zone; BigQuery's TIMESTAMP is an instant (UTC). -->
<#function type_timestamp><#return quarry_dispatch("type_timestamp")()></#function>
<#function default__type_timestamp><#return "timestamp"></#function>

<#-- type_date(): a calendar date. -->
<#function type_date><#return quarry_dispatch("type_date")()></#function>
<#function default__type_date><#return "date"></#function>

<#-- type_boolean(): true or false. -->
<#function type_boolean><#return quarry_dispatch("type_boolean")()></#function>
<#function default__type_boolean><#return "boolean"></#function>
<#function bigquery__type_boolean><#return "bool"></#function>

<#-- safe_cast(expr, type): expr cast to type (SQL text, e.g. 'integer' or type_int()), or null when it cannot be. -->
<#function safe_cast expr type><#return quarry_dispatch("safe_cast")(expr, type)></#function>
<#function default__safe_cast expr type><#return "try_cast(" + expr + " as " + type + ")"></#function>
<#function bigquery__safe_cast expr type><#return "safe_cast(" + expr + " as " + type + ")"></#function>
<#--
  H2 has no TRY_CAST. The value's trimmed text is matched against the literal syntax of the target type, and the
  cast gets NULL when it does not match (integers and decimals are also range-checked through DECFLOAT, dates must
  exist). The check has to sit inside the cast's argument: H2 folds a cast of a constant while planning, even in a
  CASE branch that can never be taken. Types other than the ones below (time, timestamp with time zone, binary,
  ...) get a plain CAST, which fails on bad values. Unlike TRY_CAST, a value is checked through its text, so
  expr appears several times in the SQL.
-->
<#function h2__safe_cast expr type>
  <#local shape = type?trim?lower_case?matches(r"([a-z][a-z0-9_ ]*?)\s*(?:\(\s*([0-9]+)\s*(?:,\s*([0-9]+)\s*)?\))?")>
  <#local name = shape?then(shape?groups[1], "")>
  <#local text = "trim(cast(" + expr + " as varchar))">
  <#if ["tinyint", "smallint", "int", "int4", "integer", "signed", "bigint", "int8"]?seq_contains(name)>
    <#local bounds = quarry_h2_integer_bounds[name]!quarry_h2_integer_bounds["integer"]>
    <#local number = "cast(" + quarry_h2_matching(text, quarry_h2_number_pattern) + " as decfloat)">
    <#return "cast(case when " + number + " between " + bounds[0] + " and " + bounds[1] + " then " + number
        + " end as " + type + ")">
  <#elseif ["numeric", "decimal", "dec", "number"]?seq_contains(name)>
    <#local number = "cast(" + quarry_h2_matching(text, quarry_h2_number_pattern) + " as decfloat)">
    <#if !(shape?groups[2]?has_content)>
      <#return "cast(" + number + " as " + type + ")">
    </#if>
    <#local precision = shape?groups[2]?number>
    <#local scale = shape?groups[3]?has_content?then(shape?groups[3]?number, 0)>
    <#local limit = "1" + ""?right_pad(precision - scale, "0")>
    <#return "cast(case when abs(round(" + number + ", " + scale + ")) < " + limit + " then " + number + " end as "
        + type + ")">
  <#elseif ["double precision", "double", "float", "float4", "float8", "real", "decfloat"]?seq_contains(name)>
    <#return "cast(" + quarry_h2_matching(text, quarry_h2_float_pattern) + " as " + type + ")">
  <#elseif ["boolean", "bool"]?seq_contains(name)>
    <#return "cast(" + quarry_h2_matching(text, r"^(?i)(true|false|t|f|yes|no|y|n|1|0)$") + " as " + type + ")">
  <#elseif name == "date">
    <#-- H2 does not cast timestamp text to a date; DuckDB does: go through TIMESTAMP. -->
    <#return "cast(cast(" + quarry_h2_matching(text, quarry_h2_timestamp_pattern) + " as timestamp) as " + type + ")">
  <#elseif name == "timestamp" || name == "timestamp without time zone" || name == "datetime">
    <#return "cast(" + quarry_h2_matching(text, quarry_h2_timestamp_pattern) + " as " + type + ")">
  </#if>
  <#return "cast(" + expr + " as " + type + ")">
</#function>
<#assign quarry_h2_integer_bounds = {
    "tinyint": ["-128", "127"],
    "smallint": ["-32768", "32767"],
    "integer": ["-2147483648", "2147483647"],
    "bigint": ["-9223372036854775808", "9223372036854775807"],
    "int8": ["-9223372036854775808", "9223372036854775807"]}>
<#function quarry_h2_matching text pattern>
  <#return "case when regexp_like(" + text + ", '" + pattern + "') then " + text + " end">
</#function>
<#assign quarry_h2_number_pattern = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,4})?$">
<#assign quarry_h2_float_pattern = r"^([+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,4})?|NaN|[+-]?Infinity)$">
<#-- An existing date: 31-day months, 30-day months, February up to the 28th, and 29 February of leap years. -->
<#assign quarry_h2_date_pattern = r"([0-9]{4}-(0?[13578]|1[02])-(0?[1-9]|[12][0-9]|3[01])"
    + r"|[0-9]{4}-(0?[469]|11)-(0?[1-9]|[12][0-9]|30)"
    + r"|[0-9]{4}-0?2-(0?[1-9]|1[0-9]|2[0-8])"
    + r"|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-0?2-29)">
<#assign quarry_h2_timestamp_pattern = "^" + quarry_h2_date_pattern
    + r"([ T]([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,9})?)?)?$">

<#-- cast_bool_to_text(expr): 'true' or 'false' (H2 alone writes booleans in upper case). -->
<#function cast_bool_to_text expr><#return quarry_dispatch("cast_bool_to_text")(expr)></#function>
<#function default__cast_bool_to_text expr><#return "cast(" + expr + " as " + type_string() + ")"></#function>
<#function h2__cast_bool_to_text expr><#return "lower(cast(" + expr + " as " + type_string() + "))"></#function>


<#-- ==================================== Strings ==================================== -->

<#-- concat(list): the strings joined; null when any of them is null, on every engine (as BigQuery's CONCAT). -->
<#function concat fields><#return quarry_dispatch("concat")(fields)></#function>
<#function default__concat fields><#return "(" + quarry_list("concat", fields)?join(" || ") + ")"></#function>

<#-- hash(expr): the MD5 digest of expr's text, as 32 lower-case hex digits. -->
<#function hash expr><#return quarry_dispatch("hash")(expr)></#function>
<#function default__hash expr><#return "md5(cast(" + expr + " as " + type_string() + "))"></#function>
<#function h2__hash expr>
  <#-- HASH returns bytes of the UTF-8 text; RAWTOHEX writes bytes as lower-case hex. -->
  <#return "rawtohex(hash('MD5', cast(" + expr + " as " + type_string() + ")))">
</#function>
<#function bigquery__hash expr><#return "to_hex(md5(cast(" + expr + " as " + type_string() + ")))"></#function>

<#--
  generate_surrogate_key(columns_list): dbt_utils' key, the hash of the columns' text joined with '-', a null column
  written as '_quarry_null_'. Equal on every engine for strings, integers and dates; engines write other types
  differently (H2: TRUE; BigQuery: 1 for the float 1.0, a +00 suffix on timestamps).
-->
<#function generate_surrogate_key columns_list>
  <#return quarry_dispatch("generate_surrogate_key")(columns_list)>
</#function>
<#function default__generate_surrogate_key columns_list>
  <#local parts = []>
  <#list quarry_list("generate_surrogate_key", columns_list) as column>
    <#local parts = parts + ["coalesce(cast(" + column + " as " + type_string() + "), '_quarry_null_')"]>
  </#list>
  <#return hash(parts?join(" || '-' || "))>
</#function>

<#--
  split_part(string, delimiter, part_number): the part_number-th piece of string, counting from 1; null past the end.
  Only positive part numbers work on every engine (DuckDB counts negative ones from the end, H2 rejects them).
-->
<#function split_part string delimiter part_number>
  <#return quarry_dispatch("split_part")(string, delimiter, part_number)>
</#function>
<#-- DuckDB's split_part returns '' past the end; a list subscript returns null, as BigQuery's SAFE_ORDINAL does. -->
<#function default__split_part string delimiter part_number>
  <#return "string_split(" + string + ", " + delimiter + ")[" + part_number + "]">
</#function>
<#--
  H2 has no SPLIT_PART: the n-th match of "shortest text followed by the delimiter" in string || delimiter, with the
  delimiter quoted as \Q...\E (so it must not itself contain \E).
-->
<#function h2__split_part string delimiter part_number>
  <#return "regexp_substr(" + string + " || " + delimiter + ", '(.*?)\\Q' || " + delimiter + " || '\\E', 1, "
      + part_number + ", 'n', 1)">
</#function>
<#function bigquery__split_part string delimiter part_number>
  <#return "split(" + string + ", " + delimiter + ")[safe_ordinal(" + part_number + ")]">
</#function>

<#-- escape_single_quotes(text): plain text made safe inside a single-quoted SQL string. -->
<#function escape_single_quotes text><#return quarry_dispatch("escape_single_quotes")(text)></#function>
<#function default__escape_single_quotes text><#return ("" + text)?replace("'", "''")></#function>
<#-- BigQuery strings use backslash escapes ('' is not a quote there) and cannot hold a raw line break. -->
<#function bigquery__escape_single_quotes text>
  <#return ("" + text)?replace("\\", "\\\\")?replace("'", "\\'")?replace("\n", "\\n")?replace("\r", "\\r")>
</#function>

<#-- string_literal(text): plain text as a quoted SQL string literal. -->
<#function string_literal text><#return quarry_dispatch("string_literal")(text)></#function>
<#function default__string_literal text><#return "'" + escape_single_quotes(text) + "'"></#function>

<#-- position(substring, string): the 1-based position of substring in string, 0 when absent. -->
<#function position substring string><#return quarry_dispatch("position")(substring, string)></#function>
<#function default__position substring string><#return "position(" + substring + " in " + string + ")"></#function>
<#function bigquery__position substring string><#return "strpos(" + string + ", " + substring + ")"></#function>

<#-- length(expr): the number of characters. -->
<#function length expr><#return quarry_dispatch("length")(expr)></#function>
<#function default__length expr><#return "length(" + expr + ")"></#function>

<#-- replace(field, old, new): field with every old replaced by new. -->
<#function replace field old new><#return quarry_dispatch("replace")(field, old, new)></#function>
<#function default__replace field old new><#return "replace(" + field + ", " + old + ", " + new + ")"></#function>

<#-- right(string, length): the last length characters of string. -->
<#function right string length><#return quarry_dispatch("right")(string, length)></#function>
<#function default__right string length><#return "right(" + string + ", " + length + ")"></#function>


<#-- ==================================== Aggregates ==================================== -->

<#--
  listagg(measure, delimiter, order_by_clause): the group's non-null measures joined by delimiter (SQL text, e.g.
  "', '"), in the order of order_by_clause ("order by x desc"; the words "order by" may be left out) when given.
-->
<#function listagg measure delimiter="','" order_by_clause="">
  <#return quarry_dispatch("listagg")(measure, delimiter, quarry_order_by(order_by_clause))>
</#function>
<#function default__listagg measure delimiter order_by_clause>
  <#return "string_agg(" + measure + ", " + delimiter + order_by_clause?has_content?then(" " + order_by_clause, "")
      + ")">
</#function>
<#function h2__listagg measure delimiter order_by_clause>
  <#return "listagg(" + measure + ", " + delimiter + ")"
      + order_by_clause?has_content?then(" within group (" + order_by_clause + ")", "")>
</#function>
<#function quarry_order_by clause>
  <#local trimmed = ("" + clause)?trim>
  <#if !trimmed?has_content || trimmed?matches(r"(?is)order\s+by\s.*")>
    <#return trimmed>
  </#if>
  <#return "order by " + trimmed>
</#function>

<#-- any_value(expr): the value of some row of the group, ignoring nulls. -->
<#function any_value expr><#return quarry_dispatch("any_value")(expr)></#function>
<#function default__any_value expr><#return "any_value(" + expr + ")"></#function>

<#-- bool_or(expr): true when expr is true for any row of the group. -->
<#function bool_or expr><#return quarry_dispatch("bool_or")(expr)></#function>
<#function default__bool_or expr><#return "bool_or(" + expr + ")"></#function>
<#function bigquery__bool_or expr><#return "logical_or(" + expr + ")"></#function>


<#-- A sequence of SQL texts (a single text counts as a list of one); stops rendering when it is empty. -->
<#function quarry_list function values>
  <#local list = values?is_sequence?then(values, [values])>
  <#if list?size == 0>
    <#stop function + "() needs at least one column">
  </#if>
  <#return list>
</#function>
