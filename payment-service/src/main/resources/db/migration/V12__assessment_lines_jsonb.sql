-- The debit batch reads into an assessment's lines (each line's months, DebitBatchRunner), so they are jsonb, the type a
-- query reads JSON from, instead of text cast to jsonb row by row. A payment or refund keeps its own copy as text: that
-- one is kept for the record, never queried into.
alter table assessment alter column lines type jsonb using lines::jsonb;
