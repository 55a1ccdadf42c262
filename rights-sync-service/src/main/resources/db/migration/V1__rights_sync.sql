-- Working-day calendar years loaded by operations (the compacted topic carries them to every service).
create table calendar_year (
    year         integer      primary key,
    source       varchar(300) not null,
    off_days     text         not null,
    work_days    text         not null,
    published_at timestamptz  not null
);

-- Who a person is, from flexsi.registration: the agencies book rights by ID number and name.
create table person (
    person_id     varchar(64)  primary key,
    id_number     varchar(64)  not null,
    name          varchar(200) not null,
    registered_at timestamptz  not null
);

create sequence feed_seq;

-- One record per payment (or refund), agency and insurance: what goes back to the agency (R24).
create table sync_record (
    record_id          varchar(64)   primary key,
    seq                bigserial     not null unique,
    kind               varchar(10)   not null,
    agency             varchar(10)   not null,
    person_id          varchar(64)   not null,
    payment_id         varchar(64)   not null,
    refund_id          varchar(64),
    region             varchar(6)    not null,
    insurance          varchar(30)   not null,
    months             varchar(1000) not null,
    base               numeric(14,2) not null,
    amount             numeric(14,2) not null,
    paid_at            timestamptz   not null,
    payment_date       date          not null,
    deadline           date,
    stage              varchar(14)   not null,
    overdue            boolean       not null default false,
    at_risk_at         timestamptz,
    overdue_at         timestamptz,
    resend             boolean       not null default false,
    send_attempts      integer       not null default 0,
    last_error         varchar(500),
    sent_at            timestamptz,
    acknowledged_at    timestamptz,
    receipt_id         varchar(80),
    next_poll_at       timestamptz,
    polls              integer       not null default 0,
    agency_reference   varchar(80),
    decided_at         timestamptz,
    recorded_at        timestamptz,
    reason             varchar(500),
    feed_seq           bigint        unique,
    created_at         timestamptz   not null
);
create index sync_record_payment on sync_record (payment_id);
create index sync_record_person on sync_record (person_id, payment_date);
create index sync_record_due on sync_record (agency, seq) where stage in ('PENDING', 'SENT') or resend;
create index sync_record_polls on sync_record (agency, next_poll_at) where stage = 'ACKNOWLEDGED';
create index sync_record_open on sync_record (deadline) where stage not in ('CONFIRMED', 'REJECTED');
create index sync_record_decided on sync_record (agency, recorded_at);
create index sync_record_unfed on sync_record (seq) where feed_seq is null;

-- Nonces of verified agency callbacks: a replayed callback is refused even inside the clock-skew window.
create table callback_nonce (
    agency  varchar(10)  not null,
    nonce   varchar(100) not null,
    seen_at timestamptz  not null,
    primary key (agency, nonce)
);

-- Which instance sends to an agency: one sender per agency keeps each person's records in order.
create table agency_lease (
    agency      varchar(10) primary key,
    holder      varchar(64),
    lease_until timestamptz not null
);
insert into agency_lease (agency, holder, lease_until) values ('PENSION', null, 'epoch'), ('MEDICAL', null, 'epoch');
