<#-- Q: is a kind of crime rising or falling? Incidents (distinct incident_id; as in mart_daily_incidents, whose
     counts it adds up, an incident whose rows name two places counts in each) per category and month, with the
     change against the month before and the same month a year before (percent; null where there was none).
     Months without an incident of a category count 0. -->
with monthly as (
    -- From the daily mart (incremental, already one count per day, category and place) rather than the fact: an
    -- incident has one date, so its days add up to its month.
    select
        cast(${date_trunc('month', 'incident_date')} as date) as month_start,
        incident_category,
        sum(incidents) as incidents
    from ${ref('mart_daily_incidents')}
    group by 1, 2
),

months as (
    select distinct month_start from ${ref('dim_date')} where month_start is not null
),

categories as (
    select distinct incident_category from monthly
),

filled as (
    select
        months.month_start,
        categories.incident_category,
        coalesce(monthly.incidents, 0) as incidents
    from months
    cross join categories
    left join monthly
        on monthly.month_start = months.month_start
        and monthly.incident_category = categories.incident_category
),

compared as (
    select
        month_start,
        incident_category,
        incidents,
        lag(incidents, 1) over (partition by incident_category order by month_start) as incidents_previous_month,
        lag(incidents, 12) over (partition by incident_category order by month_start) as incidents_a_year_before
    from filled
)

select
    month_start,
    incident_category,
    incidents,
    incidents_previous_month,
    round(100.0 * (incidents - incidents_previous_month) / nullif(incidents_previous_month, 0), 1)
        as change_vs_previous_month_pct,
    incidents_a_year_before,
    round(100.0 * (incidents - incidents_a_year_before) / nullif(incidents_a_year_before, 0), 1)
        as change_vs_a_year_before_pct,
    ${sfpd_data_label()} as data_source
from compared
