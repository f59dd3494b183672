<@config materialized='ephemeral' />
select
    b.customer_id,
    count(*) as orders,
    sum(p.amount) as paid_amount
from ${ref('base_orders')} as b
left join ${ref('paid_orders')} as p on p.order_id = b.order_id
group by b.customer_id
