-- The payout worker takes a refund by a lease instead of holding its row locked while the bank or provider answers:
-- set (compare-and-set) in a short transaction before the call, cleared when the answer is booked. A second instance
-- skips a refund whose lease runs; a worker that died mid-call only delays the refund until its lease ends.
alter table refund add column payout_until timestamptz;
