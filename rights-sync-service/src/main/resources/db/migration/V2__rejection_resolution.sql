-- How ops resolved a rejected record: sent again as a new record (the agency's rejection of a record id
-- is final there), or closed with a note. Who and when, for the proof trail.
alter table sync_record add column resolution      varchar(10);
alter table sync_record add column resolved_by     varchar(100);
alter table sync_record add column resolved_at     timestamptz;
alter table sync_record add column resolution_note varchar(500);
-- RESEND links the rejected record and the record that carries the same rights again
alter table sync_record add column successor_id    varchar(64);
alter table sync_record add column resend_of       varchar(64) unique;
