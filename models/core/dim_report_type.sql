<#-- The kinds of report (seed report_types), plus any pair the data has that the seed lacks. Initial reports open an
     incident; supplements add to one; Coplogic reports were filed online. Key 'unknown' stands for a missing type. -->
with seen as (
    select distinct report_type_code, report_type_description
    from ${ref('stg_sfpd__incidents')}
    where report_type_code is not null
)

select
    ${generate_surrogate_key(['seen.report_type_code', 'seen.report_type_description'])} as report_type_key,
    seen.report_type_code,
    seen.report_type_description,
    coalesce(types.is_initial, seen.report_type_code in ('II', 'VI')) as is_initial,
    coalesce(types.is_vehicle, seen.report_type_code in ('VI', 'VS')) as is_vehicle,
    coalesce(types.filed_online, seen.report_type_description like 'Coplogic%') as filed_online,
    coalesce(types.description, 'Not described in the seed report_types') as description
from seen
left join ${ref('report_types')} as types
    on types.report_type_code = seen.report_type_code
    and types.report_type_description = seen.report_type_description

union all

select
    ${generate_surrogate_key(['types.report_type_code', 'types.report_type_description'])},
    types.report_type_code, types.report_type_description, types.is_initial, types.is_vehicle, types.filed_online,
    types.description
from ${ref('report_types')} as types
where not exists (
    select 1 from seen
    where seen.report_type_code = types.report_type_code
      and seen.report_type_description = types.report_type_description
)

union all

select 'unknown', cast(null as ${type_string()}), 'Unknown', false, false, false, 'No report type was given'
