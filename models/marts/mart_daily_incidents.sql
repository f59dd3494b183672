<@config materialized='incremental' unique_key='incident_date'
    incremental_strategy=(target.type == 'bigquery')?then('insert_overwrite', 'delete+insert')
    partition_by={'field': 'incident_date', 'data_type': 'date', 'granularity': 'day'} />
<#-- Q: how many incidents happened each day, of which kind, where? Incidents = distinct incident_id (an incident
     with codes in two categories counts once in each); incidents_with_arrest those with a citation or arrest on any
     of their rows; report_rows counts rows. Incremental: the days whose rows
     changed since the last build are counted again, whole, and replace those days: delete+insert on incident_date,
     or on BigQuery (which has no delete+insert) insert_overwrite of the days' partitions, a day a partition (the
     10,000-partition limit lasts until 2045). A day left with no row at all would keep its old count until a full
     refresh. -->
with incident_rows as (
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
      and facts.incident_date in (
          select distinct incident_date from ${ref('stg_sfpd__incidents')}
          where changed_at > (select max(changed_at) from ${this})
      )
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
