<@config tags=["broken"]/>
select * from ${ref('duplicates')} where id is null
