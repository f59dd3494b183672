<#-- Every date from the first to the last incident or report date in the data, with calendar attributes; the key is
     yyyymmdd. Key -1 is the unknown date, for facts without one. -->
with bounds as (
    select min(day_value) as first_day, max(day_value) as last_day
    from (
        select incident_date as day_value from ${ref('stg_sfpd__incidents')}
        union all
        select cast(reported_at as date) as day_value from ${ref('stg_sfpd__incidents')}
    ) as all_days
),

days as (
    ${date_spine('day', '(select first_day from bounds)',
        '(select cast(' + dateadd('day', '1', 'last_day') + ' as date) from bounds)')}
)

select
    ${date_key('date_day')} as date_key,
    cast(date_day as date) as date_day,
    cast(extract(year from date_day) as ${type_int()}) as year_number,
    cast(extract(quarter from date_day) as ${type_int()}) as quarter_number,
    cast(extract(month from date_day) as ${type_int()}) as month_number,
    ${month_name('date_day')} as month_name,
    cast(extract(day from date_day) as ${type_int()}) as day_of_month,
    cast(${iso_day_of_week('date_day')} as ${type_int()}) as iso_day_of_week,
    ${day_name('date_day')} as day_name,
    ${iso_day_of_week('date_day')} >= 6 as is_weekend,
    cast(${date_trunc('week', 'date_day')} as date) as week_start,
    cast(${date_trunc('month', 'date_day')} as date) as month_start
from days

union all

select
    -1, cast(null as date), cast(null as ${type_int()}), cast(null as ${type_int()}), cast(null as ${type_int()}),
    'Unknown', cast(null as ${type_int()}), cast(null as ${type_int()}), 'Unknown', cast(null as ${type_boolean()}),
    cast(null as date), cast(null as date)
