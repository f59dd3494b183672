<#--
  Quarry's built-in generic data tests, included after the cross-engine library and before the project's macros (so a
  project's own test_<name> replaces a built-in one).

  A generic test is a macro named test_<name> that prints a query returning the failing rows. It is called with named
  arguments: model (the relation under test, already narrowed by the test's `where` config), column_name (for a test
  under a column) and the test's arguments from YAML. Arguments are SQL text, as in dbt; `to` arguments written as
  "ref('x')" or "source('a', 'b')" arrive as the relation. An argument with a default is optional. Names starting with
  quarry_ are internal.
-->

<#-- A YAML value as SQL: the engine's string literal, or the text itself when quote is false. -->
<#function quarry_test_literal value quote>
  <#if quote && value?is_string>
    <#return string_literal(value)>
  </#if>
  <#return "" + value>
</#function>

<#-- Arguments that were not given: a sequence never passes as a bound. -->
<#assign quarry_not_given = []>

<#macro test_not_null model column_name>
select *
from ${model}
where ${column_name} is null
</#macro>

<#macro test_unique model column_name>
select ${column_name} as unique_field, count(*) as n_records
from ${model}
where ${column_name} is not null
group by ${column_name}
having count(*) > 1
</#macro>

<#macro test_accepted_values model column_name values quote=true>
select value_field, count(*) as n_records
from (select ${column_name} as value_field from ${model}) all_values
where value_field is not null
  and value_field not in (<#list values as value>${quarry_test_literal(value, quote)}<#sep>, </#list>)
group by value_field
</#macro>

<#macro test_relationships model column_name to field>
select child.from_field
from (select ${column_name} as from_field from ${model} where ${column_name} is not null) child
left join (select ${field} as to_field from ${to}) parent
  on child.from_field = parent.to_field
where parent.to_field is null
</#macro>

<#macro test_expression_is_true model expression column_name="">
select *
from ${model}
where not (${column_name} ${expression})
</#macro>

<#macro test_not_empty model column_name="">
select row_count
from (select count(*) as row_count from ${model}) counted
where row_count = 0
</#macro>

<#macro test_unique_combination_of_columns model combination_of_columns column_name="">
<#local columns = combination_of_columns?join(", ")>
select ${columns}, count(*) as n_records
from ${model}
group by ${columns}
having count(*) > 1
</#macro>

<#macro test_accepted_range model column_name min=quarry_not_given max=quarry_not_given inclusive=true>
<#local above = inclusive?then(">=", ">")>
<#local below = inclusive?then("<=", "<")>
select *
from ${model}
where ${column_name} is not null and not (1 = 1
<#if !min?is_sequence>  and ${column_name} ${above} ${min}
</#if><#if !max?is_sequence>  and ${column_name} ${below} ${max}
</#if>)
</#macro>
