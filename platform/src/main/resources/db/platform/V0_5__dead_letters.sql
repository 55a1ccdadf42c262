-- What operations did with a record a consumer of this service parked on a dead-letter topic: replayed it to its
-- topic, or parked it for good with a note. One row per record (topic, partition, offset): a second replay finds the
-- row and publishes nothing. Records without a row are the open ones.
create table dead_letter_action (
    dlq_topic     varchar(160) not null,
    dlq_partition integer      not null,
    dlq_offset    bigint       not null,
    action        varchar(10)  not null check (action in ('REPLAYED', 'PARKED')),
    note          varchar(500),
    actor         varchar(160) not null,
    acted_at      timestamptz  not null,
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
