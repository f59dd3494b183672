select
    stg.report_row_id,
    stg.incident_id,
    -- incident_id as an integer: the marts count distinct incidents over a million rows, faster on integers.
    cast(hash(stg.incident_id) >> 1 as bigint) as incident_key,
    stg.incident_number,
    stg.cad_number,
    coalesce(cast(extract(year from stg.incident_date) * 10000 + extract(month from stg.incident_date) * 100 + extract(day from stg.incident_date) as integer), -1) as incident_date_key,
    coalesce(cast(extract(year from cast(stg.reported_at as date)) * 10000 + extract(month from cast(stg.reported_at as date)) * 100 + extract(day from cast(stg.reported_at as date)) as integer), -1) as report_date_key,
    coalesce(cast(extract(hour from stg.incident_at) * 100 + extract(minute from stg.incident_at) as integer),
        -1) as incident_time_key,
    coalesce(stg.incident_code, 'unknown') as incident_type_key,
    cast(hash(stg.intersection, stg.cnn, stg.analysis_neighborhood, stg.police_district, stg.supervisor_district) >> 1 as bigint) as location_key,
    case when stg.report_type_code is null then 'unknown'
        else md5(cast(coalesce(cast(stg.report_type_code as varchar), '_quarry_null_') || '-' || coalesce(cast(stg.report_type_description as varchar), '_quarry_null_') as varchar)) end
        as report_type_key,
    case when stg.resolution is null then 'unknown'
        else md5(cast(coalesce(cast(stg.resolution as varchar), '_quarry_null_') as varchar)) end as resolution_key,
    stg.incident_at,
    stg.incident_date,
    stg.reported_at,
    stg.latitude,
    stg.longitude,
    stg.report_type_code in ('II', 'VI') as is_initial_report,
    stg.filed_online,
    cast(date_diff('minute', cast(stg.incident_at as timestamp), cast(stg.reported_at as timestamp)) as double precision) / 60 as report_delay_hours,
    stg.is_synthetic,
    stg.changed_at,
    stg.is_deleted
from "main_staging"."stg_sfpd__incidents" as stg
where not stg.is_deleted
