with landed as (
    select * from "main_staging"."demo_sfpd__incidents"
),

tombstones as (
    select cast(null as varchar) as row_id, cast(null as timestamp) as deleted_at
    limit 0
),

changed as (
    select * from landed
),

latest as (
    select
        changed.*,
        row_number() over (
            partition by row_id order by _source_updated_at desc nulls last, _loaded_at desc, _batch_id desc
        ) as version_rank
    from changed
)

select
    trim(latest.row_id) as report_row_id,
    trim(incident_id) as incident_id,
    trim(incident_number) as incident_number,
    trim(cad_number) as cad_number,
    incident_datetime as incident_at,
    incident_date,
    report_datetime as reported_at,
    trim(report_type_code) as report_type_code,
    trim(report_type_description) as report_type_description,
    coalesce(filed_online, false) as filed_online,
    trim(incident_code) as incident_code,
    trim(incident_category) as incident_category,
    trim(incident_subcategory) as incident_subcategory,
    trim(incident_description) as incident_description,
    trim(resolution) as resolution,
    trim(intersection) as intersection,
    trim(cnn) as cnn,
    trim(police_district) as police_district,
    trim(analysis_neighborhood) as analysis_neighborhood,
    cast(supervisor_district as integer) as supervisor_district,
    latitude,
    longitude,
    _source_updated_at as source_updated_at,
    _loaded_at as loaded_at,
    _batch_id as batch_id,
    tombstones.deleted_at,
    coalesce(tombstones.deleted_at > _loaded_at, false) as is_deleted,
    case when tombstones.deleted_at > _loaded_at then tombstones.deleted_at else _loaded_at end as changed_at,
    true as is_synthetic
from latest
left join tombstones on tombstones.row_id = latest.row_id
where version_rank = 1
  and incident_date >= cast('2018-01-01' as date)
