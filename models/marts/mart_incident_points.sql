<#-- Q: where exactly? One point per incident (distinct incident_id) with a location in the 12 months up to the last
     date in the data, with its first row's category, for the dashboard's map. -->
with bounds as (
    select max(incident_date) as as_of_date from ${ref('fct_incident_reports')}
),

located as (
    select
        facts.incident_id,
        facts.incident_key,
        facts.incident_date,
        cast(extract(hour from facts.incident_at) as ${type_int()}) as hour_of_day,
        types.incident_category,
        types.crime_group,
        places.analysis_neighborhood,
        places.police_district,
        facts.latitude,
        facts.longitude,
        row_number() over (partition by facts.incident_key order by facts.report_row_id) as row_in_incident
    from ${ref('fct_incident_reports')} as facts
    join ${ref('dim_incident_type')} as types on types.incident_type_key = facts.incident_type_key
    join ${ref('dim_location')} as places on places.location_key = facts.location_key
    where facts.latitude is not null
      and facts.incident_date > (select cast(${dateadd('day', '-365', 'as_of_date')} as date) from bounds)
)

select
    incident_id,
    incident_date,
    hour_of_day,
    incident_category,
    crime_group,
    analysis_neighborhood,
    police_district,
    latitude,
    longitude,
    ${sfpd_data_label()} as data_source
from located
where row_in_incident = 1
