-- Issue 16 (read-your-writes): every registration change of a person increments this counter in the same
-- transaction; answers and events carry it. Existing persons start at 1.
alter table person add column registration_version bigint not null default 1;
alter table enrolment_change add column registration_version bigint;

-- R5 (Weifang): a medical rate change interrupts the old enrolment and enrols anew, so a person may have
-- several enrolments of one insurance over time: the new one names the one it replaces, which is then no
-- longer current. Only one enrolment per person and insurance may be current.
alter table enrolment add column superseded boolean not null default false;
alter table enrolment add column replaces bigint references enrolment (id);
alter table enrolment drop constraint enrolment_once;
create unique index enrolment_current on enrolment (person_id, insurance) where not superseded;
alter table enrolment_change add column enrolment_id bigint references enrolment (id);

-- Issue 17 item 3: a proxy link grants nothing until the person confirms it or an agency records it at the
-- counter with evidence. Links made before confirmation existed were already announced to payment and
-- assessment (proxy.linked); they stay ACTIVE, marked so that operations can review them.
alter table proxy_link add column status varchar(10) not null default 'PENDING';
alter table proxy_link add column confirmed_by varchar(100);
alter table proxy_link add column confirmed_role varchar(20);
alter table proxy_link add column evidence varchar(100);
alter table proxy_link add column confirmed_at timestamptz;
update proxy_link set status = 'ACTIVE', evidence = 'legacy: linked before confirmation was required',
    confirmed_at = linked_at;
alter table proxy_link alter column status drop default;
create index proxy_link_person_status on proxy_link (person_id, status);

-- Issue 17 item 4: why a full ID number, mobile and birth date were revealed; access_audit holds the same
-- reveal with its role, agency and trace id (append-only there; the reason is kept here beside it).
create table reveal_reason (
    id                  bigserial     primary key,
    person_id           uuid          not null references person (person_id),
    actor               varchar(100)  not null,
    reason              varchar(200)  not null,
    revealed_at         timestamptz   not null
);
