-- Ops may send a REFUSED debit batch again; who did so last, and when, stays on the batch.
alter table debit_batch add column resent_by varchar(64);
alter table debit_batch add column resent_at timestamptz;
