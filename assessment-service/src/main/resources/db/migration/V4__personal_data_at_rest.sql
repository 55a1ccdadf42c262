-- Personal data at rest (issue 17).
-- Persons are found by a keyed blind index of the ID number (the platform's BlindIndex, HMAC-SHA256 with a key only the
-- environment holds) instead of an unkeyed SHA-256, which anyone with a copy of this database reverses by hashing every
-- possible ID number. The column keeps its place and width (64 hex digits): rows from before hold the unkeyed hash until
-- IdNumberIndexBackfill replaces it in place (BlindIndex.ofSha256) and sets id_number_keyed, so no row is keyed twice;
-- rows written from now on are keyed at once.
alter table person add column id_number_keyed boolean not null default false;
create index person_id_number_unkeyed on person (person_id) where not id_number_keyed;
comment on column person.id_number_hash is 'BlindIndex "resident-id" of the upper-case ID number once id_number_keyed; before, its unkeyed SHA-256';

-- The name is stored encrypted (FieldCipher, listed in flexsi.crypto.encrypted-columns; the platform's re-encryption job
-- encrypts the rows from before): an encrypted value is longer than the name.
alter table person alter column name type text;
