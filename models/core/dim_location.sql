<@config materialized='incremental' unique_key='location_key'
    pre_hook=r"<#if is_incremental()>
delete from ${this} where location_key <> -1 and exists (
    select 1 from ${this} as kept
    where kept.location_key <> -1 and kept.location_key not in (
        select ${int_key(['intersection', 'cnn', 'analysis_neighborhood', 'police_district', 'supervisor_district'])}
        from ${ref('stg_sfpd__incidents')}))
</#if>" />
<#-- One row per place a report names: intersection (with its centerline node cnn), analysis neighborhood, police
     district (with its station, from the seed) and supervisor district. About 5% of reports name only a district.
     Key -1 stands for a report with no place at all. Incremental: places are only ever added. Staging never drops a
     place's rows but when the data source changed (the demo data, then landed data): when it names a place no more,
     the pre-hook deletes every place, and the model starts over from all of staging. -->
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
    where changed_at > (select coalesce(max(first_seen_at), cast('1900-01-01' as ${type_timestamp()})) from ${this})
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
