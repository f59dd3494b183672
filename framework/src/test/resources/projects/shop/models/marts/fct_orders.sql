<@config materialized='incremental' unique_key='order_id' tags=['finance'] />
select
    o.order_id,
    o.amount,
    c.name as country
from ${ref('stg_orders')} as o
left join ${ref('stg_customers')} as cu on cu.customer_id = o.customer_id
left join ${ref('countries')} as c on c.code = cu.country_code
<#if is_incremental()>
where o.order_id > (select max(order_id) from ${this})
</#if>
