-- The W3C trace context of the transaction that wrote the event: the relay sends it as the record's traceparent
-- header, so the consumer's work continues the same trace.
alter table outbox_event add column trace_parent varchar(55);
