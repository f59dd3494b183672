<@config materialized="view"/>
select 1 as id, date '2024-01-01' as day
