<#--
  SF Crime Stats macros: only what the cross-engine library lacks. Each dispatches on the target like the built-ins
  (quarry_dispatch): default__ is DuckDB's, bigquery__ BigQuery's.
-->

<#-- True when the models build from the synthetic demo data: var sfpd_data is 'demo', or 'auto' (the default) and
     nothing has been landed by `quarry ingest` yet. 'landed' always reads the landed files. -->
<#function sfpd_uses_demo_data>
  <#local choice = var('sfpd_data', 'auto')>
  <#return choice == 'demo' || (choice == 'auto' && !source_has_files('sfpd', 'incidents'))>
</#function>

<#-- True when staging reads reconcile's tombstones: landed data and either tombstone files or var sfpd_tombstones
     true (a unit test, or a warehouse whose landing compile cannot see). -->
<#function sfpd_reads_tombstones>
  <#local choice = var('sfpd_tombstones', 'auto')?string>
  <#return !sfpd_uses_demo_data() && (choice == 'true' || (choice == 'auto'
      && source_has_files('sfpd', 'incidents_deleted')))>
</#function>

<#-- The label every mart carries, so no chart of synthetic numbers can pass for real ones. The dashboard shows its
     synthetic-data banner when the label starts with "synthetic" (DataSummary.isSynthetic). -->
<#function sfpd_data_label>
  <#return sfpd_uses_demo_data()?then("'synthetic demo data (not real incidents)'",
      "'DataSF: Police Department Incident Reports 2018 to present (wg3w-h783)'")>
</#function>

<#-- series(n): a FROM item of n rows, one integer column i from 0 to n - 1. -->
<#function series n><#return quarry_dispatch("series")(n)></#function>
<#function default__series n><#return "(select range as i from range(" + n + ")) as series"></#function>
<#function bigquery__series n><#return "unnest(generate_array(0, " + n + " - 1)) as i"></#function>

<#-- uniform(expr, salt): a number in [0, 1) that is the same for the same integer expr and salt on every run. -->
<#function uniform expr salt><#return quarry_dispatch("uniform")(expr, salt)></#function>
<#function default__uniform expr salt>
  <#return "(cast(hash(cast(" + expr + " as bigint) * 7919 + " + salt + ") % 1000003 as double) / 1000003)">
</#function>
<#function bigquery__uniform expr salt>
  <#return "(mod(abs(farm_fingerprint(cast(cast(" + expr + " as int64) * 7919 + " + salt
      + " as string))), 1000003) / 1000003)">
</#function>

<#-- day_name(date): Monday .. Sunday. -->
<#function day_name date><#return quarry_dispatch("day_name")(date)></#function>
<#function default__day_name date><#return "dayname(" + date + ")"></#function>
<#function bigquery__day_name date><#return "format_date('%A', " + date + ")"></#function>

<#-- month_name(date): January .. December. -->
<#function month_name date><#return quarry_dispatch("month_name")(date)></#function>
<#function default__month_name date><#return "monthname(" + date + ")"></#function>
<#function bigquery__month_name date><#return "format_date('%B', " + date + ")"></#function>

<#-- iso_day_of_week(date): 1 (Monday) .. 7 (Sunday). -->
<#function iso_day_of_week date><#return quarry_dispatch("iso_day_of_week")(date)></#function>
<#function default__iso_day_of_week date><#return "isodow(" + date + ")"></#function>
<#function bigquery__iso_day_of_week date>
  <#return "mod(extract(dayofweek from " + date + ") + 5, 7) + 1">
</#function>

<#-- median(expr): the median of a group (interpolated on DuckDB, the nearest value on BigQuery). -->
<#function median expr><#return quarry_dispatch("median")(expr)></#function>
<#function default__median expr><#return "quantile_cont(" + expr + ", 0.5)"></#function>
<#function bigquery__median expr><#return "approx_quantiles(" + expr + ", 2)[safe_offset(1)]"></#function>

<#-- date_key(date): yyyymmdd as an integer, the key of dim_date. -->
<#function date_key date>
  <#return "cast(extract(year from " + date + ") * 10000 + extract(month from " + date + ") * 100 + extract(day from "
      + date + ") as " + type_int() + ")">
</#function>

<#-- demo_buckets(seed, order_by): the seed's rows spread over 10,000 buckets in proportion to their weight column:
     joining on bucket = floor(uniform * 10000) picks a row with its share of the weight. -->
<#function demo_buckets seed order_by>
  <#return "select spread.bucket, weighted.*\nfrom (\n    select seed.*,\n        "
      + "(sum(weight) over (order by " + order_by + " rows between unbounded preceding and current row) - weight)"
      + " / sum(weight) over () as share_from,\n        "
      + "sum(weight) over (order by " + order_by + " rows between unbounded preceding and current row)"
      + " / sum(weight) over () as share_to\n    from " + seed + " as seed\n) as weighted\njoin (select i as bucket from "
      + series("10000") + ") as spread\n    on (spread.bucket + 0.5) / 10000 >= weighted.share_from"
      + " and (spread.bucket + 0.5) / 10000 < weighted.share_to">
</#function>

<#-- backslash(): a one-character string holding a backslash (DataSF separates an intersection's streets with it). -->
<#function backslash><#return quarry_dispatch("backslash")()></#function>
<#function default__backslash><#return "chr(92)"></#function>
<#function bigquery__backslash><#return "code_points_to_string([92])"></#function>

<#-- int_key(columns): a 63-bit integer key from the columns' values (nulls included), cheaper to join on a million
     rows than an MD5 string; the same values give the same key within an engine. -->
<#function int_key columns><#return quarry_dispatch("int_key")(columns)></#function>
<#function default__int_key columns><#return "cast(hash(" + columns?join(", ") + ") >> 1 as bigint)"></#function>
<#function bigquery__int_key columns>
  <#local fields = []>
  <#list columns as column><#local fields = fields + [column + " as c" + column?index]></#list>
  <#return "farm_fingerprint(to_json_string(struct(" + fields?join(", ") + ")))">
</#function>
