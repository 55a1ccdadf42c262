-- A refund whose payout was refused can be paid again to another account. Each account gets its own transfer id
-- (the refund id, then refund id + "-" + round): the bank keeps a transfer id to its first account and amount.
alter table refund add column payout_round integer not null default 0;
