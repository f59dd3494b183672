<@config alias='customers' />
select customer_id, country_code from ${source('raw', 'customers')}
