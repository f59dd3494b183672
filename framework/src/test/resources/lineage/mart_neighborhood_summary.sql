with bounds as (
    select max(incident_date) as as_of_date from "main_core"."fct_incident_reports"
),

facts as (
    select
        facts.incident_key,
        places.analysis_neighborhood,
        types.incident_category,
        types.crime_group,
        case
            when facts.incident_date > cast(date_add(bounds.as_of_date, interval (-365) day) as date)
                then 'last_12_months'
            when facts.incident_date > cast(date_add(bounds.as_of_date, interval (-730) day) as date)
                then 'prior_12_months'
        end as period
    from "main_core"."fct_incident_reports" as facts
    cross join bounds
    join "main_core"."dim_location" as places on places.location_key = facts.location_key
    join "main_core"."dim_incident_type" as types on types.incident_type_key = facts.incident_type_key
    -- Only the two windows: the scan skips the rest of the history.
    where facts.incident_date > (select cast(date_add(as_of_date, interval (-730) day) as date) from bounds)
),

totals as (
    select
        analysis_neighborhood,
        count(distinct case when period = 'last_12_months' then incident_key end) as incidents_last_12_months,
        count(distinct case when period = 'prior_12_months' then incident_key end) as incidents_prior_12_months,
        count(distinct case when period = 'last_12_months' and crime_group = 'violent' then incident_key end)
            as violent_last_12_months,
        count(distinct case when period = 'last_12_months' and crime_group = 'property' then incident_key end)
            as property_last_12_months
    from facts
    group by 1
),

ranked_categories as (
    select
        analysis_neighborhood,
        incident_category,
        row_number() over (
            partition by analysis_neighborhood order by count(distinct incident_key) desc, incident_category
        ) as category_rank
    from facts
    where period = 'last_12_months'
    group by 1, 2
)

select
    totals.analysis_neighborhood,
    totals.incidents_last_12_months,
    totals.incidents_prior_12_months,
    round(100.0 * (totals.incidents_last_12_months - totals.incidents_prior_12_months)
        / nullif(totals.incidents_prior_12_months, 0), 1) as change_pct,
    round(100.0 * totals.violent_last_12_months / nullif(totals.incidents_last_12_months, 0), 1)
        as violent_share_pct,
    round(100.0 * totals.property_last_12_months / nullif(totals.incidents_last_12_months, 0), 1)
        as property_share_pct,
    max(case when ranked_categories.category_rank = 1 then ranked_categories.incident_category end)
        as top_category_1,
    max(case when ranked_categories.category_rank = 2 then ranked_categories.incident_category end)
        as top_category_2,
    max(case when ranked_categories.category_rank = 3 then ranked_categories.incident_category end)
        as top_category_3,
    (select as_of_date from bounds) as as_of_date,
    'synthetic demo data (not real incidents)' as data_source
from totals
left join ranked_categories on ranked_categories.analysis_neighborhood = totals.analysis_neighborhood
group by 1, 2, 3, 4, 5, 6
