<#-- Every minute of a day; the key is hhmm (0 to 2359). Key -1 is the unknown time. -->
with minutes as (
    select i as minute_of_day from ${series('1440')}
)

select
    cast(div_hour * 100 + minute_of_hour as ${type_int()}) as time_key,
    cast(div_hour as ${type_int()}) as hour_of_day,
    cast(minute_of_hour as ${type_int()}) as minute_of_hour,
    lpad(cast(div_hour as ${type_string()}), 2, '0') || ':' || lpad(cast(minute_of_hour as ${type_string()}), 2, '0')
        as time_label,
    case
        when div_hour < 6 then 'Night (00-06)'
        when div_hour < 12 then 'Morning (06-12)'
        when div_hour < 18 then 'Afternoon (12-18)'
        else 'Evening (18-24)'
    end as period_of_day
from (
    select
        cast(floor(minute_of_day / 60) as ${type_int()}) as div_hour,
        cast(mod(minute_of_day, 60) as ${type_int()}) as minute_of_hour
    from minutes
) as parts

union all

select -1, cast(null as ${type_int()}), cast(null as ${type_int()}), 'Unknown', 'Unknown'
