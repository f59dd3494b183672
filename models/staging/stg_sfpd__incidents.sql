-- One row per report row: the latest version the loader saw, typed and trimmed.
with versions as (
    select
        *,
        row_number() over (partition by row_id order by _source_updated_at desc, _loaded_at desc) as version_rank
    from ${source('sfpd', 'incidents')}
)

select
    trim(row_id) as report_row_id,
    trim(incident_id) as incident_id,
    trim(incident_number) as incident_number,
    trim(cad_number) as cad_number,
    cast(incident_datetime as timestamp) as incident_at,
    cast(incident_date as date) as incident_date,
    cast(report_datetime as timestamp) as reported_at,
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
    cast(latitude as ${type_float()}) as latitude,
    cast(longitude as ${type_float()}) as longitude,
    _source_updated_at as source_updated_at,
    _loaded_at as loaded_at
from versions
where version_rank = 1
  and cast(incident_date as date) >= cast('${var('start_date')}' as date)
