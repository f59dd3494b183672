<@config materialized='table' enabled=sfpd_uses_demo_data() tags=['demo'] />
<#--
  A deterministic synthetic stand-in for the landed DataSF rows, in the same columns and types, built when nothing has
  been ingested (or with --vars '{sfpd_data: demo}'), so `quarry build` does something real on a fresh machine.
  Categories, neighborhoods, hours, report types and resolutions follow the shares of the seeds in seeds/demo/; every
  value comes from hashing the row number, so each build makes the same rows. Not real incidents.
-->
<#assign start_date = "cast('" + var('start_date') + "' as date)">
<#assign days = datediff(start_date, "cast('" + var('demo_end_date') + "' as date)", 'day')>
with numbered_rows as (
    select
        i,
        -- About one row in six is a further incident code of the incident before it, as on real reports.
        case when i = 0 or ${uniform('i', '11')} >= 0.16 then 1 else 0 end as starts_incident
    from ${series(var('demo_rows'))}
),

incident_rows as (
    select
        i,
        sum(starts_incident) over (order by i rows between unbounded preceding and current row) as incident_index,
        i - max(case when starts_incident = 1 then i end)
            over (order by i rows between unbounded preceding and current row) as code_position
    from numbered_rows
),

draws as (
    select
        i,
        incident_index,
        code_position,
        cast(floor(${uniform('incident_index', '101')} * (${days})) as ${type_int()}) as day_offset,
        cast(floor(${uniform('incident_index', '102')} * 10000) as ${type_int()}) as hour_bucket,
        cast(floor(${uniform('incident_index', '103')} * 60) as ${type_int()}) as minute_of_hour,
        cast(floor(${uniform('incident_index', '104')} * 10000) as ${type_int()}) as place_bucket,
        ${uniform('incident_index', '105')} as location_draw,
        cast(floor(${uniform('incident_index', '106')} * 10000) as ${type_int()}) as report_type_bucket,
        cast(floor(${uniform('incident_index', '107')} * 10000) as ${type_int()}) as resolution_bucket,
        ${uniform('incident_index', '108')} as delay_draw,
        ${uniform('incident_index', '109')} as latitude_draw,
        ${uniform('incident_index', '110')} as longitude_draw,
        ${uniform('incident_index', '111')} as cross_street_draw,
        cast(floor(${uniform('incident_index', '112')} * 10000) as ${type_int()}) as type_bucket
    from incident_rows
),

hours as (${demo_buckets(ref('demo_hours'), 'hour')}),

places as (${demo_buckets(ref('demo_neighborhoods'), 'analysis_neighborhood')}),

report_types as (${demo_buckets(ref('demo_report_types'), 'report_type_code, report_type_description')}),

resolutions as (${demo_buckets(ref('demo_resolutions'), 'resolution')}),

type_buckets as (${demo_buckets(ref('demo_incident_types'), 'incident_code')}),

ranked_types as (
    select
        incident_code,
        incident_category,
        incident_subcategory,
        incident_description,
        row_number() over (order by incident_code) - 1 as type_rank,
        count(*) over () as type_count
    from ${ref('demo_incident_types')}
),

cross_streets as (
    select
        analysis_neighborhood,
        cross_street,
        row_number() over (partition by analysis_neighborhood order by weight desc, cross_street) as cross_rank,
        count(*) over (partition by analysis_neighborhood) as cross_count
    from ${ref('demo_cross_streets')}
),

incidents as (
    select
        draws.*,
        ${dateadd('minute', 'draws.day_offset * 1440 + hours.hour * 60 + draws.minute_of_hour',
            "cast(" + start_date + " as " + type_timestamp() + ")")} as incident_datetime,
        places.analysis_neighborhood as place_neighborhood,
        places.police_district as place_police_district,
        places.supervisor_district as place_supervisor_district,
        places.latitude as place_latitude,
        places.longitude as place_longitude,
        places.street as place_street,
        draws.location_draw >= 0.05 as is_located,
        report_types.report_type_code,
        report_types.report_type_description,
        report_types.report_type_description like 'Coplogic%' as is_online,
        resolutions.resolution,
        base_type.type_rank as base_type_rank,
        base_type.type_count,
        cross_counts.cross_count
    from draws
    join hours on hours.bucket = draws.hour_bucket
    join places on places.bucket = draws.place_bucket
    join report_types on report_types.bucket = draws.report_type_bucket
    join resolutions on resolutions.bucket = draws.resolution_bucket
    join type_buckets on type_buckets.bucket = draws.type_bucket
    join ranked_types as base_type on base_type.incident_code = type_buckets.incident_code
    left join (select distinct analysis_neighborhood, cross_count from cross_streets) as cross_counts
        on cross_counts.analysis_neighborhood = places.analysis_neighborhood
),

reports as (
    select
        incidents.*,
        -- Codes of one incident step through the table, so they (and the row ids) are distinct.
        types.incident_code,
        types.incident_category,
        types.incident_subcategory,
        types.incident_description,
        ${dateadd('minute', "cast(floor(case when incidents.is_online then power(incidents.delay_draw, 2) * 28800 "
            + "else power(incidents.delay_draw, 3) * 2880 end) as " + type_int() + ")",
            'incidents.incident_datetime')} as report_datetime,
        cross_streets.cross_street
    from incidents
    -- Equi-joins only, the counts coming with each incident: with a key compared to an expression of the other
    -- side's own columns, DuckDB 2.0.0.1 stopped with an internal error ("dict-surviving cache") when the rows were
    -- few (demo_rows: 3000).
    join ranked_types as types
        on types.type_rank = mod(incidents.base_type_rank + 7 * incidents.code_position, incidents.type_count)
    left join cross_streets
        on cross_streets.analysis_neighborhood = incidents.place_neighborhood
        and cross_streets.cross_rank = 1 + cast(floor(incidents.cross_street_draw * incidents.cross_count)
            as ${type_int()})
)

select
    cast(600000 + incident_index as ${type_string()}) || incident_code as row_id,
    incident_datetime,
    cast(incident_datetime as date) as incident_date,
    lpad(cast(extract(hour from incident_datetime) as ${type_string()}), 2, '0') || ':'
        || lpad(cast(extract(minute from incident_datetime) as ${type_string()}), 2, '0') as incident_time,
    cast(extract(year from incident_datetime) as ${type_bigint()}) as incident_year,
    ${day_name('cast(incident_datetime as date)')} as incident_day_of_week,
    report_datetime,
    cast(600000 + incident_index as ${type_string()}) as incident_id,
    cast(180000000 + incident_index as ${type_string()}) as incident_number,
    case when is_online then null else cast(181000000 + incident_index * 3 as ${type_string()}) end as cad_number,
    report_type_code,
    report_type_description,
    case when is_online then true end as filed_online,
    incident_code,
    incident_category,
    incident_subcategory,
    incident_description,
    resolution,
    case when is_located then place_street || ' ' || ${backslash()} || ' ' || coalesce(cross_street, place_street)
        end as intersection,
    -- One centerline node per intersection, as in the data.
    case when is_located then cast(20000000 + abs(mod(${int_key(['place_neighborhood', 'cross_street'])}, 9000000))
        as ${type_string()}) end as cnn,
    place_police_district as police_district,
    case when is_located then place_neighborhood end as analysis_neighborhood,
    case when is_located then cast(place_supervisor_district as ${type_bigint()}) end as supervisor_district,
    case when is_located then cast(place_supervisor_district as ${type_bigint()}) end as supervisor_district_2012,
    case when is_located then place_latitude + (latitude_draw - 0.5) * 0.012 end as latitude,
    case when is_located then place_longitude + (longitude_draw - 0.5) * 0.012 end as longitude,
    case when is_located then 'POINT (' || cast(place_longitude + (longitude_draw - 0.5) * 0.012 as ${type_string()})
        || ' ' || cast(place_latitude + (latitude_draw - 0.5) * 0.012 as ${type_string()}) || ')' end as point,
    cast(null as ${type_string()}) as _extra,
    'demo-' || cast(i as ${type_string()}) as _socrata_id,
    cast(report_datetime as ${type_timestamp()}) as _source_created_at,
    cast(report_datetime as ${type_timestamp()}) as _source_updated_at,
    cast('${var('demo_end_date')} 12:00:00' as ${type_timestamp()}) as _loaded_at,
    'synthetic-demo' as _batch_id
from reports
