<#-- A project's own generic test: the rows whose column is not divisible by the given number. -->
<#macro test_is_multiple_of model column_name divisor>
select ${column_name} from ${model} where mod(${column_name}, ${divisor}) <> 0
</#macro>
