select * from ${ref('paid_orders')} where amount <= 0
