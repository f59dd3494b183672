select 1 as id, 'DE' as country, 5 as amount, 1 as parent_id
union all select 1, 'DE', 7, 2
union all select null, 'XX', -1, 42
