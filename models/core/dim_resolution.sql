<#-- How a report was resolved (seed resolutions), plus any value the data has that the seed lacks. is_arrest: an
     adult or juvenile was cited or arrested. Key 'unknown' stands for a missing resolution. -->
with seen as (
    select distinct resolution from ${ref('stg_sfpd__incidents')} where resolution is not null
    union distinct
    select resolution from ${ref('resolutions')}
)

select
    ${generate_surrogate_key(['seen.resolution'])} as resolution_key,
    seen.resolution,
    coalesce(known.is_arrest, false) as is_arrest,
    coalesce(known.description, 'Not described in the seed resolutions') as description
from seen
left join ${ref('resolutions')} as known on known.resolution = seen.resolution

union all

select 'unknown', 'Unknown', false, 'No resolution was given'
