create table test_effect (
    id         bigserial primary key,
    event_id   uuid         not null,
    person_id  varchar(60)  not null
);
