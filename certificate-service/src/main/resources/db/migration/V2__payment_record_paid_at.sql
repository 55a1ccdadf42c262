-- The late-certificates count (flexsi_certificate_late_records) reads the payments of the last days only.
create index payment_record_paid_at on payment_record (paid_at);
