<@config materialized='incremental' unique_key='incident_date'
    incremental_strategy=(target.type == 'bigquery')?then('insert_overwrite', 'delete+insert')
    partition_by={'field': 'incident_date', 'data_type': 'date', 'granularity': 'day'}
    pre_hook=r"<#if is_incremental()>delete from ${this} where data_source <> ${sfpd_data_label()}</#if>"
    post_hook=r"delete from ${this} where incidents = 0" />
<#-- Q: how many incidents happened each day, of which kind, where? Incidents = distinct incident_id (an incident
     with codes in two categories counts once in each); incidents_with_arrest those with a citation or arrest on any
     of their rows; report_rows counts rows. Incremental: the days whose rows
     changed since the last build are counted again, whole, and replace those days: delete+insert on incident_date,
     or on BigQuery (which has no delete+insert) insert_overwrite of the days' partitions, a day a partition (the
     10,000-partition limit lasts until 2045). A recounted day left with no incident at all gets one empty row
     (incidents 0), so that its old rows are replaced too; the post-hook deletes it. When the data source changed
     (demo to landed), the pre-hook deletes the other source's days and every day is counted again. -->
with
<#if is_incremental()>
recounted_days as (
    select distinct incident_date from ${ref('stg_sfpd__incidents')}
    where incident_date is not null
      and changed_at > (select coalesce(max(changed_at), cast('1900-01-01' as ${type_timestamp()})) from ${this})
),
</#if>
incident_rows as (
    -- One row per incident and group first: counting those is cheaper than a distinct count per group.
    select
        facts.incident_date,
        types.incident_category,
        types.crime_group,
        places.analysis_neighborhood,
        places.police_district,
        facts.incident_key,
        count(*) as report_rows,
        max(case when resolutions.is_arrest then 1 else 0 end) as has_arrest,
        max(facts.changed_at) as changed_at
    from ${ref('fct_incident_reports')} as facts
    join ${ref('dim_incident_type')} as types on types.incident_type_key = facts.incident_type_key
    join ${ref('dim_location')} as places on places.location_key = facts.location_key
    join ${ref('dim_resolution')} as resolutions on resolutions.resolution_key = facts.resolution_key
    where facts.incident_date is not null
<#if is_incremental()>
      and facts.incident_date in (select incident_date from recounted_days)
</#if>
    group by 1, 2, 3, 4, 5, 6
)

select
    incident_date,
    incident_category,
    crime_group,
    analysis_neighborhood,
    police_district,
    count(*) as incidents,
    sum(has_arrest) as incidents_with_arrest,
    sum(report_rows) as report_rows,
    max(changed_at) as changed_at,
    ${sfpd_data_label()} as data_source
from incident_rows
group by 1, 2, 3, 4, 5
<#if is_incremental()>
union all
-- A recounted day with no incident left (all its rows deleted): an empty row replaces its old ones.
select
    days.incident_date,
    cast(null as ${type_string()}),
    cast(null as ${type_string()}),
    cast(null as ${type_string()}),
    cast(null as ${type_string()}),
    0,
    0,
    0,
    cast(null as ${type_timestamp()}),
    ${sfpd_data_label()}
from recounted_days as days
where not exists (select 1 from incident_rows as kept where kept.incident_date = days.incident_date)
</#if>
