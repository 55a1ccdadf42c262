-- The business day of a payment is the China date it was paid on (issue 16 item 9): a payment at 00:30 in Beijing
-- (16:30 UTC the day before) belongs to that Beijing day.
alter table payment add column business_day date
    generated always as ((paid_at at time zone 'Asia/Shanghai')::date) stored;

-- Banks number their transactions per business day (流水号): the same id on another day is another transaction
-- (issue 16 item 7). A bank transaction is keyed by bank, business day and id.
drop index payment_bank_txn;
create unique index payment_bank_txn on payment (bank_id, business_day, external_txn_id)
    where bank_id is not null and external_txn_id is not null;
