<@config materialized='incremental' unique_key='report_row_id' on_schema_change='fail'
    pre_hook=r"<#if is_incremental()>delete from ${this} where is_synthetic <> ${sfpd_uses_demo_data()?c}</#if>"
    post_hook=r"delete from ${this} where is_deleted" />
<#-- One row per incident report row (report_row_id) still published: rows reconcile found deleted are left out (an
     incremental run merges them in marked, and the post-hook deletes them). Counting rows counts report rows; count
     distinct incident_id to count incidents. Every key points at a dimension member; a missing value points at that
     dimension's unknown member, so no fact is dropped by a join. Incremental: takes the staging rows changed since; when the data source changed (demo
     to landed), the pre-hook deletes the other source's rows first, as staging's does, and the model starts over. -->
select
    stg.report_row_id,
    stg.incident_id,
    -- incident_id as an integer: the marts count distinct incidents over a million rows, faster on integers.
    ${int_key(['stg.incident_id'])} as incident_key,
    stg.incident_number,
    stg.cad_number,
    coalesce(${date_key('stg.incident_date')}, -1) as incident_date_key,
    coalesce(${date_key('cast(stg.reported_at as date)')}, -1) as report_date_key,
    coalesce(cast(extract(hour from stg.incident_at) * 100 + extract(minute from stg.incident_at) as ${type_int()}),
        -1) as incident_time_key,
    coalesce(stg.incident_code, 'unknown') as incident_type_key,
    ${int_key(['stg.intersection', 'stg.cnn', 'stg.analysis_neighborhood', 'stg.police_district',
        'stg.supervisor_district'])} as location_key,
    case when stg.report_type_code is null then 'unknown'
        else ${generate_surrogate_key(['stg.report_type_code', 'stg.report_type_description'])} end
        as report_type_key,
    case when stg.resolution is null then 'unknown'
        else ${generate_surrogate_key(['stg.resolution'])} end as resolution_key,
    stg.incident_at,
    stg.incident_date,
    stg.reported_at,
    stg.latitude,
    stg.longitude,
    stg.report_type_code in ('II', 'VI') as is_initial_report,
    stg.filed_online,
    cast(${datediff('stg.incident_at', 'stg.reported_at', 'minute')} as ${type_float()}) / 60 as report_delay_hours,
    stg.is_synthetic,
    stg.changed_at,
    stg.is_deleted
from ${ref('stg_sfpd__incidents')} as stg
<#if is_incremental()>
where stg.changed_at > (select coalesce(max(changed_at), cast('1900-01-01' as ${type_timestamp()})) from ${this})
<#else>
where not stg.is_deleted
</#if>
