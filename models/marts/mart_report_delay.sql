<#-- Q: how long after an incident is it reported? Initial report rows by category and by whether they were filed
     online: the median and mean hours from incident to report, and the shares reported within a day and after a
     week. Supplements are left out: they are late by nature. -->
select
    types.incident_category,
    facts.filed_online,
    count(*) as initial_reports,
    round(${median('facts.report_delay_hours')}, 1) as median_delay_hours,
    round(avg(facts.report_delay_hours), 1) as mean_delay_hours,
    round(100.0 * sum(case when facts.report_delay_hours <= 24 then 1 else 0 end) / count(*), 1)
        as reported_within_a_day_pct,
    round(100.0 * sum(case when facts.report_delay_hours > 168 then 1 else 0 end) / count(*), 1)
        as reported_after_a_week_pct,
    ${sfpd_data_label()} as data_source
from ${ref('fct_incident_reports')} as facts
join ${ref('dim_incident_type')} as types on types.incident_type_key = facts.incident_type_key
where facts.is_initial_report and facts.report_delay_hours is not null
group by 1, 2
