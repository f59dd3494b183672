<@config materialized='incremental' unique_key='location_key' />
<#-- One row per place a report names: intersection (with its centerline node cnn), analysis neighborhood, police
     district (with its station, from the seed) and supervisor district. About 5% of reports name only a district.
     Key -1 stands for a report with no place at all. -->
with places as (
    select
        intersection,
        cnn,
        analysis_neighborhood,
        police_district,
        supervisor_district,
        min(changed_at) as first_seen_at
    from ${ref('stg_sfpd__incidents')}
<#if is_incremental()>
    -- Places are only ever added: a run looks at the staging rows changed since the newest place.
    where changed_at > (select max(first_seen_at) from ${this})
</#if>
    group by 1, 2, 3, 4, 5
)

select
    ${int_key(['places.intersection', 'places.cnn', 'places.analysis_neighborhood', 'places.police_district',
        'places.supervisor_district'])} as location_key,
    places.intersection,
    places.cnn,
    coalesce(places.analysis_neighborhood, 'Unknown') as analysis_neighborhood,
    places.police_district,
    districts.station as police_station,
    places.supervisor_district,
    places.first_seen_at
from places
left join ${ref('police_districts')} as districts on districts.police_district = places.police_district

union all

select cast(-1 as ${type_bigint()}), cast(null as ${type_string()}), cast(null as ${type_string()}), 'Unknown', 'Unknown',
    cast(null as ${type_string()}), cast(null as ${type_int()}), cast(null as ${type_timestamp()})
