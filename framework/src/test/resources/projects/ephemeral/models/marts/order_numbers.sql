WITH RECURSIVE numbers(n) AS (
    select 1
    union all
    select n + 1 from numbers where n < 3
)
select numbers.n, p.order_id
from numbers
join ${ref('paid_orders')} as p on p.order_id = numbers.n
