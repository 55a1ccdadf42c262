-- Batch debit files are sent to the bank (R19) and banks' statements are reconciled like the providers'.

-- How a batch reaches its bank: SEND (payment-service sends it and books the answer), PULL (the bank fetches it
-- and hands in its result itself), SENT (the bank answered and its result file was booked), REFUSED (the bank
-- refused the file, or answered a result file that cannot be booked: ops must look). Batches made before this
-- version were all fetched by their banks.
alter table debit_batch add column submission varchar(8) not null default 'PULL';
alter table debit_batch alter column submission set default 'SEND';
alter table debit_batch add column send_attempts integer not null default 0;
-- when the next send may start; also a lease: an attempt pushes it past its own timeout, so a crashed sender's
-- batch is taken up again and two instances never send at once
alter table debit_batch add column next_send_at timestamptz;
alter table debit_batch add column sent_at timestamptz;
alter table debit_batch add column result_checksum varchar(64);
alter table debit_batch add column last_error varchar(500);
create index debit_batch_to_send on debit_batch (created_at) where submission = 'SEND';

-- A reconciliation run is one party's day: a provider (wechat, alipay, unionpay) or a bank (its id).
alter table reconciliation_run add column party varchar(32);
update reconciliation_run set party = lower(channel);
alter table reconciliation_run alter column party set not null;
alter table reconciliation_run drop constraint reconciliation_run_pkey;
alter table reconciliation_run add primary key (channel, party, business_day);
