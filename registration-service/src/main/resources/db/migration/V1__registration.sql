-- Registered persons (R3). The ID number is kept whole so an agency can look a person up by it;
-- list views and logs mask it.
create table person (
    person_id           uuid          primary key,
    id_type             varchar(40)   not null,
    id_number           varchar(40)   not null,
    name                varchar(100)  not null,
    sex                 varchar(6)    not null,
    birth_date          date          not null,
    mobile              varchar(20),
    region              varchar(6)    not null,
    district            varchar(6),
    registered_location varchar(6)    not null,
    agency              varchar(100),
    personal_number     varchar(40),
    country             varchar(60),
    ethnicity           varchar(40),
    work_start_date     date,
    enrolment_date      date          not null,
    channel             varchar(10)   not null,
    registered_by       varchar(100)  not null,
    registered_at       timestamptz   not null,
    constraint person_identity unique (id_type, id_number)
);
create index person_region on person (region);

-- One row per person and insurance: the current state of that enrolment.
create table enrolment (
    id                  bigserial     primary key,
    person_id           uuid          not null references person (person_id),
    insurance           varchar(20)   not null,
    status              varchar(12)   not null,
    first_month         varchar(7)    not null,
    active_from         varchar(7)    not null,
    last_covered_month  varchar(7),
    grade               varchar(20),
    base                numeric(12, 2),
    rate                numeric(6, 4),
    plan                varchar(40),
    suspension_reason   varchar(200),
    suspension_date     date,
    version             integer       not null,
    constraint enrolment_once unique (person_id, insurance)
);

-- Every change of an enrolment: who, when, why (the issue's history requirement).
create table enrolment_change (
    id                  bigserial     primary key,
    person_id           uuid          not null references person (person_id),
    insurance           varchar(20)   not null,
    action              varchar(30)   not null,
    from_status         varchar(12),
    to_status           varchar(12)   not null,
    effective           varchar(10)   not null,
    reason              varchar(200),
    detail              varchar(300),
    channel             varchar(10)   not null,
    actor               varchar(100)  not null,
    actor_role          varchar(20)   not null,
    occurred_at         timestamptz   not null
);
create index enrolment_change_person on enrolment_change (person_id, id);

-- Months paid per insurance, from payment.succeeded (R17 coverage). paid_month is when the money came.
create table paid_month (
    person_id           varchar(60)   not null,
    insurance           varchar(20)   not null,
    month               varchar(7)    not null,
    paid_month          varchar(7)    not null,
    payment_id          varchar(80)   not null,
    primary key (person_id, insurance, month)
);

-- Proxy payers' lists (R21).
create table proxy_link (
    proxy_id            varchar(100)  not null,
    person_id           uuid          not null references person (person_id),
    consent_date        date          not null,
    relationship        varchar(40),
    linked_at           timestamptz   not null,
    primary key (proxy_id, person_id)
);
create index proxy_link_person on proxy_link (person_id);
