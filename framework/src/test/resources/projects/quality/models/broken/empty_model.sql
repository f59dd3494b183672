select 1 as id where 1 = 0
