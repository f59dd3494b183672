<@config materialized="incremental" unique_key="order_id"/>
select order_id, status from ${ref('stg_orders')}
where status <> '${var("hidden_status", "lost")}'
<#if is_incremental()>
  and order_id > (select max(order_id) from ${this})
</#if>
