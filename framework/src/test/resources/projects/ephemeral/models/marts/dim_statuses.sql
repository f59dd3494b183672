select distinct status from ${ref('raw_orders')}
