-- Orders of one assessment are looked up on every new order and every settlement. The partial unique
-- indexes cannot serve those queries once PostgreSQL plans them with the status as a parameter
-- (a generic plan), which became a sequential scan over every payment.
create index payment_assessment on payment (assessment_serial);
