<#-- One row per incident code: its category, subcategory and description as last reported, and the crime group of
     its category (seed crime_groups: violent, property, drug, other). Key 'unknown' stands for a missing code. -->
with names as (
    -- Each spelling of a code once, then the latest: a window over every report row cost ten times more.
    select
        incident_code,
        incident_category,
        incident_subcategory,
        incident_description,
        max(reported_at) as last_reported_at,
        max(report_row_id) as last_report_row_id
    from ${ref('stg_sfpd__incidents')}
    where incident_code is not null
    group by 1, 2, 3, 4
),

codes as (
    select
        names.*,
        row_number() over (
            partition by incident_code order by last_reported_at desc, last_report_row_id desc
        ) as recency
    from names
)

select
    codes.incident_code as incident_type_key,
    codes.incident_code,
    codes.incident_category,
    codes.incident_subcategory,
    codes.incident_description,
    coalesce(category_groups.crime_group, 'other') as crime_group
from codes
left join ${ref('crime_groups')} as category_groups on category_groups.incident_category = codes.incident_category
where codes.recency = 1

union all

select 'unknown', cast(null as ${type_string()}), 'Unknown', 'Unknown', 'Unknown', 'other'
