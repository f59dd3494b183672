<#--
  Fails when the staging table mixes synthetic demo rows and landed rows: the incremental models were built on one
  and are now fed the other (data was ingested after a demo build, or sfpd_data changed), and their pre-hooks, which
  delete the other source's rows on such a build, did not. Rebuild them from scratch:
      ./quarry build --full-refresh
-->
select report_row_id, is_synthetic
from ${ref('stg_sfpd__incidents')}
where is_synthetic <> ${sfpd_uses_demo_data()?c}
