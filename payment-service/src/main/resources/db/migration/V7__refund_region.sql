-- An agency acts only in the regions it serves (issue 17): a refund carries the region of the person it pays back,
-- taken from the payment (which has it from the assessment), so review lists filter by it and decisions check it.
alter table refund add column region varchar(6);
update refund r set region = p.region from payment p where p.id = r.payment_id;
alter table refund alter column region set not null;
drop index refund_review;
create index refund_review on refund (agency, state, region);
