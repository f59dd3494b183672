-- one row per order, amounts in units
select order_id, customer_id, amount_cents / 100.0 as amount, status
from ${ref('raw_orders')}
