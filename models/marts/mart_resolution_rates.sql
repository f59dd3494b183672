<#-- Q: how often does a report end in an arrest? Per incident category and per police district: incidents (distinct
     incident_id), those with a citation or arrest on any of their rows, and the rate. -->
with report_rows as (
    select
        facts.incident_key,
        types.incident_category,
        places.police_district,
        case when resolutions.is_arrest then 1 else 0 end as is_arrest
    from ${ref('fct_incident_reports')} as facts
    join ${ref('dim_incident_type')} as types on types.incident_type_key = facts.incident_type_key
    join ${ref('dim_location')} as places on places.location_key = facts.location_key
    join ${ref('dim_resolution')} as resolutions on resolutions.resolution_key = facts.resolution_key
),

by_category as (
    select incident_category, incident_key, max(is_arrest) as has_arrest
    from report_rows group by 1, 2
),

by_district as (
    select police_district, incident_key, max(is_arrest) as has_arrest
    from report_rows group by 1, 2
),

grouped as (
    select 'incident_category' as grouped_by, incident_category as group_value, count(*) as incidents,
        sum(has_arrest) as incidents_with_arrest
    from by_category group by 1, 2
    union all
    select 'police_district', police_district, count(*), sum(has_arrest)
    from by_district group by 1, 2
)

select
    grouped_by,
    group_value,
    incidents,
    incidents_with_arrest,
    round(100.0 * incidents_with_arrest / nullif(incidents, 0), 1) as arrest_rate_pct,
    ${sfpd_data_label()} as data_source
from grouped
