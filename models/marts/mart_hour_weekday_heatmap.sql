<#-- Q: when do incidents happen? Incidents (distinct incident_id) by day of the week and hour of the incident, over
     all the data, with each cell's share of the total. -->
with cells as (
    select
        days.iso_day_of_week,
        days.day_name,
        times.hour_of_day,
        count(distinct facts.incident_id) as incidents
    from ${ref('fct_incident_reports')} as facts
    join ${ref('dim_date')} as days on days.date_key = facts.incident_date_key
    join ${ref('dim_time_of_day')} as times on times.time_key = facts.incident_time_key
    where facts.incident_date_key <> -1 and facts.incident_time_key <> -1
    group by 1, 2, 3
)

select
    iso_day_of_week,
    day_name,
    hour_of_day,
    incidents,
    round(100.0 * incidents / sum(incidents) over (), 3) as share_pct,
    ${sfpd_data_label()} as data_source
from cells
