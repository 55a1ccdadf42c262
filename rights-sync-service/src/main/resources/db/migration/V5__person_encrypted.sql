-- Personal data at rest (issue 17): the ID number and the name stored with it are kept encrypted by the platform's
-- FieldCipher (enc1:<key id>:<base64>, context person.id_number / person.name), longer than the plain values. Rows
-- written before stay readable as plain text until the platform's Reencryption job (flexsi.crypto.encrypted-columns)
-- encrypts them in place. Nothing looks a person up by ID number here (records find their person by person_id), so
-- no blind index is needed.
alter table person alter column id_number type text;
alter table person alter column name type text;
