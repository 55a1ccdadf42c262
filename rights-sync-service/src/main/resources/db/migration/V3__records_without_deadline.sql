-- The deadline monitor looks every 30 s for records that arrived before their calendar year was loaded (deadline
-- still null): nearly always none, and without this index a read of the whole table each time.
create index sync_record_no_deadline on sync_record (payment_date) where deadline is null;
