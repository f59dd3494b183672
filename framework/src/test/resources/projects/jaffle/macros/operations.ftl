<#-- Records an event in the audit table: quarry run-operation record_event --args '{event: ...}' -->
<#macro record_event event>
insert into ${target.schema}.audit values ('${event}');
-- a comment; with a semicolon
insert into ${target.schema}.audit values ('${event}; again');
</#macro>
