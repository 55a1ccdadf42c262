-- Refunds are paid back before they are announced (R25): an approved or automatic refund waits in PAYING_OUT for
-- the payout worker, which transfers it (bank transfer to the applicant's account, or the provider's refund API)
-- and only then marks it REFUNDED; a transfer the bank or provider refuses for good is PAYOUT_FAILED for ops.
alter table refund
    add column account_name      varchar(100),
    add column payout_attempts   integer      not null default 0,
    add column payout_error      varchar(500),
    add column payout_via        varchar(32),
    add column payout_reference  varchar(64);

-- the payout worker's queue
create index refund_paying_out on refund (created_at) where state = 'PAYING_OUT';
