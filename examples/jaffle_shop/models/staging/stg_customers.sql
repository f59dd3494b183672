select customer_id, upper(name) as customer_name, country
from ${ref('customers')}
