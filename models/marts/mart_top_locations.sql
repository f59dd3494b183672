<#-- Q: where do most incidents happen? The top N (var top_locations, default 10) intersections, neighborhoods and
     police districts by incidents (distinct incident_id) in the 12 months up to the last date in the data, each with
     its rank and its share of all incidents of the period. -->
with bounds as (
    select max(incident_date) as as_of_date from ${ref('fct_incident_reports')}
),

recent as (
    select facts.incident_key, places.intersection, places.analysis_neighborhood, places.police_district
    from ${ref('fct_incident_reports')} as facts
    join ${ref('dim_location')} as places on places.location_key = facts.location_key
    where facts.incident_date > (select cast(${dateadd('day', '-365', 'as_of_date')} as date) from bounds)
),

all_incidents as (
    select count(distinct incident_key) as incidents from recent
),

counted as (
    select 'intersection' as location_type, intersection as location_name, count(distinct incident_key) as incidents
    from recent where intersection is not null group by 1, 2
    union all
    select 'neighborhood', analysis_neighborhood, count(distinct incident_key)
    from recent where analysis_neighborhood <> 'Unknown' group by 1, 2
    union all
    select 'police_district', police_district, count(distinct incident_key)
    from recent group by 1, 2
),

ranked as (
    select
        location_type,
        location_name,
        incidents,
        row_number() over (partition by location_type order by incidents desc, location_name) as location_rank
    from counted
)

select
    ranked.location_type,
    ranked.location_rank,
    ranked.location_name,
    ranked.incidents,
    round(100.0 * ranked.incidents / nullif(all_incidents.incidents, 0), 2) as share_of_incidents_pct,
    (select as_of_date from bounds) as as_of_date,
    ${sfpd_data_label()} as data_source
from ranked
cross join all_incidents
where ranked.location_rank <= ${var('top_locations', 10)}
