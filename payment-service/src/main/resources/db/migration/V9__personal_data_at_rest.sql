-- Personal data at rest (issue 17). Bank accounts and the holders' names are stored encrypted by the service
-- (FieldCipher, AES-256-GCM, values "enc1:<key id>:<base64>"), which are longer than the plain values: text columns.
-- Rows from before stay plain until the platform's re-encryption job (flexsi.crypto.encrypted-columns) moves them.
alter table debit_agreement alter column account_number type text, alter column account_name type text;
alter table refund alter column bank_account type text, alter column account_name type text;

-- Banks find a person by ID number: id_number_hash held an unkeyed SHA-256 of it, which a reader of a copy reverses
-- by enumerating the possible numbers. It now holds the keyed blind index (HMAC-SHA256, FLEXSI_CRYPTO_INDEX_KEY) of
-- kind "resident-id", the same as assessment-service's. The service migrates the existing values in place at start-up
-- (BlindIndex.ofSha256 of the stored SHA-256) and marks each migrated row; until then a lookup matches either form.
alter table person add column id_number_keyed boolean not null default false;
create index person_id_number_unkeyed on person (person_id) where not id_number_keyed;

-- A bank that fetches its debit file has it: the batch is no longer unsent (flexsi_payment_debit_oldest_unsent_seconds).
alter table debit_batch add column fetched_at timestamptz;
