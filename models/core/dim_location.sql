<#-- One row per place a report names: intersection (with its centerline node cnn), analysis neighborhood, police
     district (with its station, from the seed) and supervisor district. About 5% of reports name only a district.
     Key 'unknown' stands for a report with no place at all. -->
with places as (
    select distinct
        intersection,
        cnn,
        analysis_neighborhood,
        police_district,
        supervisor_district
    from ${ref('stg_sfpd__incidents')}
)

select
    ${generate_surrogate_key(['places.intersection', 'places.cnn', 'places.analysis_neighborhood',
        'places.police_district', 'places.supervisor_district'])} as location_key,
    places.intersection,
    places.cnn,
    coalesce(places.analysis_neighborhood, 'Unknown') as analysis_neighborhood,
    places.police_district,
    districts.station as police_station,
    places.supervisor_district
from places
left join ${ref('police_districts')} as districts on districts.police_district = places.police_district

union all

select 'unknown', cast(null as ${type_string()}), cast(null as ${type_string()}), 'Unknown', 'Unknown',
    cast(null as ${type_string()}), cast(null as ${type_int()})
