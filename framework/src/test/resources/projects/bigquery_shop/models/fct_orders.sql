<@config materialized="table" partition_by={"field": "day"} cluster_by=["id"]/>
select id, day from ${ref('stg_orders')}
