<#--
  Quarry's built-in cross-engine macro library, included in front of every template.

  Each public function dispatches on target.type: a project macro named <engine>__<name> (defined in macros/*.ftl,
  which are included after this file) wins over the built-in <engine>__<name>, which wins over default__<name>.
-->
<#function quarry_dispatch name>
  <#local engine_specific = target.type + "__" + name>
  <#if .main[engine_specific]??>
    <#return .main[engine_specific]>
  </#if>
  <#return .main["default__" + name]>
</#function>

<#function current_timestamp><#return quarry_dispatch("current_timestamp")()></#function>
<#function default__current_timestamp><#return "current_timestamp"></#function>
