-- Issue 17 (personal data at rest): the ID number, name and mobile of a person are stored encrypted (AES-256-GCM
-- values `enc1:<key id>:<base64>`, longer than the plain ones, hence text). Rows from before stay plain text until the
-- platform's re-encryption job moves them (the columns are listed in flexsi.crypto.encrypted-columns).
-- The birth date too: beside the masked number kept for lists (first four and last four characters) it would leave
-- only two digits of a resident ID number unknown.
alter table person alter column id_number type text;
alter table person alter column name type text;
alter table person alter column mobile type text;
alter table person alter column birth_date type text using to_char(birth_date, 'YYYY-MM-DD');

-- A person is found by his ID number through a keyed blind index (HMAC-SHA256 of the normalised number), which also
-- keeps an identity unique as the plain number did. Lists show masked forms kept in plain text beside the encrypted
-- values, so they never decrypt a whole table. The service fills these for the rows from before at start-up
-- (PersonDataBackfill); until then they are empty, hence nullable.
alter table person add column id_number_index varchar(64);
alter table person add column id_number_masked varchar(40);
alter table person add column mobile_masked varchar(20);
alter table person drop constraint person_identity;
create unique index person_identity on person (id_type, id_number_index);
