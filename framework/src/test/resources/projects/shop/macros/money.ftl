<#-- Turns an amount in cents into a decimal amount. -->
<#function cents_to_units column>
  <#return "(" + column + " / 100.0)">
</#function>
