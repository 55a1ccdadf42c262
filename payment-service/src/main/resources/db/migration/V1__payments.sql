-- payment-service: what may be paid (read models), what was paid, and what ops and agencies act on.

-- Payable assessments, from flexsi.assessment. Lines are kept as the assessment event gave them (JSON).
create table assessment (
    serial_number  varchar(64)   primary key,
    assessment_id  varchar(64)   not null,
    person_id      varchar(64)   not null,
    region         varchar(6)    not null,
    lines          text          not null,
    total          numeric(14,2) not null,
    expires_at     timestamptz   not null,
    state          varchar(16)   not null,
    paid_by        uuid,
    updated_at     timestamptz   not null
);
create index assessment_person on assessment (person_id);

-- Registered persons, from flexsi.registration: banks find them by ID number + name. The ID number is
-- kept only as a SHA-256 digest, enough to match and useless to a reader of this table.
create table person (
    person_id       varchar(64)  primary key,
    id_number_hash  varchar(64)  not null,
    name            varchar(100) not null,
    region          varchar(6)   not null
);
create index person_by_id_number on person (id_number_hash);

-- Proxy payers' lists (R21).
create table proxy_link (
    proxy_id   varchar(64) not null,
    person_id  varchar(64) not null,
    linked_at  timestamptz not null,
    primary key (proxy_id, person_id)
);

create table payment (
    id                 uuid          primary key,
    assessment_serial  varchar(64)   not null,
    person_id          varchar(64)   not null,
    payer_id           varchar(64)   not null,
    region             varchar(6)    not null,
    channel            varchar(16)   not null,
    bank_id            varchar(32),
    status             varchar(16)   not null,
    amount             numeric(14,2) not null,
    lines              text          not null,
    provider_order_id  varchar(64),
    qr_code            varchar(400),
    pay_url            varchar(400),
    external_txn_id    varchar(64),
    paid_amount        numeric(14,2),
    created_at         timestamptz   not null,
    expires_at         timestamptz   not null,
    paid_at            timestamptz,
    closed_at          timestamptz,
    status_reason      varchar(300),
    debit_batch_id     uuid,
    updated_at         timestamptz   not null
);
-- one live order per assessment (a bank counter confirms money already taken, so it is never refused here),
-- and never two counted payments for one assessment
create unique index payment_one_live on payment (assessment_serial) where status = 'PAYING' and channel <> 'BANK_COUNTER';
create unique index payment_one_paid on payment (assessment_serial) where status = 'PAID';
-- a bank's transaction id books once
create unique index payment_bank_txn on payment (bank_id, external_txn_id) where bank_id is not null and external_txn_id is not null;
create index payment_person on payment (person_id, created_at);
create index payment_payer on payment (payer_id, created_at);
create index payment_paying on payment (created_at) where status = 'PAYING';
create index payment_expired_open on payment (expires_at) where status = 'EXPIRED' and closed_at is null;
create index payment_paid_at on payment (channel, paid_at);
create index payment_debit_batch on payment (debit_batch_id) where debit_batch_id is not null;

-- Nonces of signed requests from outside parties (banks, providers), for replay refusal.
create table seen_nonce (
    party    varchar(32)  not null,
    nonce    varchar(100) not null,
    seen_at  timestamptz  not null,
    primary key (party, nonce)
);
create index seen_nonce_age on seen_nonce (seen_at);

-- What ops must look at: amount mismatches from callbacks and reconciliation differences.
create table ops_issue (
    id               uuid          primary key,
    dedup_key        varchar(200)  not null unique,
    kind             varchar(32)   not null,
    channel          varchar(16)   not null,
    business_day     date,
    payment_id       uuid,
    external_txn_id  varchar(64),
    our_amount       numeric(14,2),
    their_amount     numeric(14,2),
    detail           varchar(500)  not null,
    state            varchar(16)   not null,
    resolution       varchar(500),
    resolved_by      varchar(64),
    created_at       timestamptz   not null,
    resolved_at      timestamptz
);
create index ops_issue_state on ops_issue (state, created_at);

create table reconciliation_run (
    channel       varchar(16)   not null,
    business_day  date          not null,
    their_count   integer       not null,
    their_total   numeric(16,2) not null,
    our_count     integer       not null,
    our_total     numeric(16,2) not null,
    matched       integer       not null,
    booked        integer       not null,
    issues        integer       not null,
    run_at        timestamptz   not null,
    primary key (channel, business_day)
);

-- Refunds (退付, R25): automatic ones for money taken twice or too late, and applications under agency review.
create table refund (
    id               uuid          primary key,
    payment_id       uuid          not null references payment (id),
    person_id        varchar(64)   not null,
    applicant_id     varchar(64)   not null,
    kind             varchar(16)   not null,
    agency           varchar(16),
    lines            text          not null,
    total            numeric(14,2) not null,
    reason           varchar(300)  not null,
    state            varchar(24)   not null,
    bank_account     varchar(40),
    bank_name        varchar(100),
    bank_code        varchar(12),
    decision_reason  varchar(300),
    decided_by       varchar(64),
    created_at       timestamptz   not null,
    decided_at       timestamptz,
    refunded_at      timestamptz
);
create index refund_payment on refund (payment_id);
create index refund_review on refund (agency, state);

-- Monthly bank batch debit (R19).
create table debit_agreement (
    person_id       varchar(64)  primary key,
    bank_id         varchar(32)  not null,
    account_number  varchar(40)  not null,
    account_name    varchar(100) not null,
    signed_at       timestamptz  not null
);
create index debit_agreement_bank on debit_agreement (bank_id);

create table debit_batch (
    id          uuid          primary key,
    bank_id     varchar(32)   not null,
    month       varchar(7)    not null,
    line_count  integer       not null,
    total       numeric(16,2) not null,
    checksum    varchar(64)   not null,
    file_name   varchar(200)  not null,
    created_at  timestamptz   not null,
    unique (bank_id, month)
);

create table debit_result_file (
    checksum     varchar(64)  primary key,
    batch_id     uuid         not null references debit_batch (id),
    received_at  timestamptz  not null,
    paid         integer      not null,
    unpaid       integer      not null
);
