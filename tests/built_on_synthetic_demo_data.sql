<@config severity='warn' />
<#--
  A warning in every build that uses the synthetic demo data, so the build's own output says the numbers are not real
  (the marts say it in their data_source column). Land real data with `./quarry ingest` to build from DataSF.
-->
<#if sfpd_uses_demo_data()>
select 'the models were built from synthetic demo data, not real incidents: run ./quarry ingest for DataSF data'
    as notice
<#else>
select 'landed data' as notice
limit 0
</#if>
