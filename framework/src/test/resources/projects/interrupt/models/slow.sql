<#-- Ten rows whatever 'rows' is; with --vars '{rows: 1000000000000}' it scans a trillion numbers (hours). -->
select range % 10 as id, count(*) as n
from range(${var('rows', 100)})
group by 1
