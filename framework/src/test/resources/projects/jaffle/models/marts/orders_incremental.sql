<@config materialized='incremental' unique_key='order_id'
    pre_hook=r"<#if is_incremental()>insert into ${target.schema}.audit values ('merging into ${this.identifier}')</#if>" />
select order_id, customer_id, amount, ordered_at
from ${ref('stg_orders')}
<#if is_incremental()>
where ordered_at >= (select max(ordered_at) from ${this})
</#if>
