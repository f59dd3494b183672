<#-- Q: when do incidents happen? Incidents (distinct incident_id) by day of the week and hour of the incident, over
     all the data, with each cell's share of the total. -->
with incidents as (
    -- One row per incident and hour first (from the fact's own columns: no join over every row), then cells.
    select distinct
        facts.incident_date,
        cast(extract(hour from facts.incident_at) as ${type_int()}) as hour_of_day,
        facts.incident_key
    from ${ref('fct_incident_reports')} as facts
    where facts.incident_date is not null and facts.incident_at is not null
),

cells as (
    select
        cast(${iso_day_of_week('incident_date')} as ${type_int()}) as iso_day_of_week,
        ${day_name('incident_date')} as day_name,
        hour_of_day,
        count(distinct incident_key) as incidents
    from incidents
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
