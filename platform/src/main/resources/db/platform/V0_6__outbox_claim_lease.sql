-- The outbox relay's claim on a batch, held in the database instead of in the claiming process: while claimed_until
-- runs, no other instance claims (its rows are being sent, or sent and waiting to be marked); a claim left by an
-- instance that died runs out, and the next claimer sends its rows again (the consumers' inbox drops the copies).
alter table outbox_event
    add column claimed_by    uuid,
    add column claimed_until timestamptz;
