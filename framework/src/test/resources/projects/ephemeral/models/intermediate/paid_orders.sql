with paid as (
    select * from ${ref('base_orders')} where status = 'paid'
)
select order_id, customer_id, amount from paid
