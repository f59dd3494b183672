/* Customers with their order totals. */
with ranked as (
    select customer_id, paid_amount, rank() over (order by paid_amount desc) as paid_rank
    from ${ref('customer_totals')}
)
select * from ranked
