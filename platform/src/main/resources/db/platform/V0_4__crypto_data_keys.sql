-- Envelope encryption of personal data: each service's data keys, wrapped by a master key that never reaches the
-- database. The newest key of the active master key encrypts; older ones only decrypt until re-encryption moves
-- every value off them.
create table crypto_data_key (
    id             serial       primary key,
    master_key_id  varchar(40)  not null,
    wrapped_key    text         not null,
    created_at     timestamptz  not null
);
