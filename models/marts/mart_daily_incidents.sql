<#-- Q: how many incidents happened each day, of which kind, where? Incidents = distinct incident_id (an incident
     with codes in two categories counts once in each); report_rows counts rows. -->
select
    facts.incident_date,
    types.incident_category,
    types.crime_group,
    places.analysis_neighborhood,
    places.police_district,
    count(distinct facts.incident_id) as incidents,
    count(*) as report_rows,
    ${sfpd_data_label()} as data_source
from ${ref('fct_incident_reports')} as facts
join ${ref('dim_incident_type')} as types on types.incident_type_key = facts.incident_type_key
join ${ref('dim_location')} as places on places.location_key = facts.location_key
where facts.incident_date is not null
group by 1, 2, 3, 4, 5
