-- Platform tables that every service has in its own database.

-- Transactional outbox: written in the same transaction as the state change it announces.
create table outbox_event (
    seq          bigserial primary key,
    event_id     uuid         not null unique,
    topic        varchar(120) not null,
    event_key    varchar(120) not null,
    event_type   varchar(160) not null,
    subject      varchar(160),
    payload      text         not null,
    occurred_at  timestamptz  not null,
    sent_at      timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Idempotent inbox: one row per consumed event id, written with the effect it caused.
create table inbox_event (
    event_id     uuid         primary key,
    topic        varchar(120) not null,
    event_type   varchar(160) not null,
    processed_at timestamptz  not null
);

-- Idempotency keys of client writes: the first answer is replayed for a retried request.
create table idempotency_record (
    scope        varchar(80)  not null,
    idem_key     varchar(100) not null,
    request_hash varchar(64)  not null,
    status       integer      not null,
    body         text,
    created_at   timestamptz  not null,
    primary key (scope, idem_key)
);
