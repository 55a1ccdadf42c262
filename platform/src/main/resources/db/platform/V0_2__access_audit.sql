-- Access audit: every reveal of personal data and every sensitive decision, in the service that owns the record.
-- Append-only: no API changes it, and the database refuses updates, deletes and truncation.
create table access_audit (
    seq          bigserial    primary key,
    at           timestamptz  not null,
    actor        varchar(160) not null,
    role         varchar(20)  not null,
    agency       varchar(60),
    action       varchar(60)  not null,
    record_type  varchar(60)  not null,
    record_id    varchar(120) not null,
    trace_id     varchar(32)
);
create index access_audit_at on access_audit (at);

create function access_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_audit is append-only';
end $$;
create trigger access_audit_no_update_or_delete before update or delete on access_audit
    for each row execute function access_audit_append_only();
create trigger access_audit_no_truncate before truncate on access_audit
    for each statement execute function access_audit_append_only();
