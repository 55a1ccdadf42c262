-- Who a person is, as far as a certificate needs it: only the masked ID number is kept.
create table person (
    person_id         varchar(64)  primary key,
    name              varchar(100) not null,
    id_type           varchar(40)  not null,
    masked_id_number  varchar(40)  not null,
    region            varchar(6)   not null,
    agency            varchar(200)
);

-- One successful payment (from payment.succeeded, or loaded in bulk by an agency for history).
create table payment_record (
    payment_id         varchar(64)    primary key,
    person_id          varchar(64)    not null,
    payer_id           varchar(64)    not null,
    region             varchar(6)     not null,
    assessment_serial  varchar(64)    not null,
    channel            varchar(40)    not null,
    provider           varchar(40),
    lines              text           not null,
    total              numeric(14, 2) not null,
    refunded_lines     text           not null default '[]',
    refunded_total     numeric(14, 2) not null default 0,
    paid_at            timestamptz    not null,
    origin             varchar(20)    not null,
    loaded_at          timestamptz    not null
);
create index payment_record_person on payment_record (person_id, paid_at);
create index payment_record_payer on payment_record (payer_id, paid_at);

create sequence certificate_seq;

create table certificate (
    certificate_number  varchar(32)    primary key,
    verification_code   varchar(16)    not null,
    person_id           varchar(64)    not null,
    payer_id            varchar(64),
    region              varchar(6)     not null,
    period_from         date,
    period_to           date,
    total               numeric(14, 2) not null,
    latest_paid_at      timestamptz    not null,
    issued_at           timestamptz    not null,
    status              varchar(16)    not null,
    revoked_at          timestamptz,
    revoke_reason       varchar(300),
    pdf                 bytea,
    pdf_sha256          varchar(64),
    pdf_issue_date      date
);
create index certificate_person on certificate (person_id);

create table certificate_payment (
    certificate_number  varchar(32) not null references certificate (certificate_number),
    payment_id          varchar(64) not null references payment_record (payment_id),
    primary key (certificate_number, payment_id)
);
create index certificate_payment_payment on certificate_payment (payment_id);
