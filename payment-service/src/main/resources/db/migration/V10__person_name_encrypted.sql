-- Personal data at rest (issue 17): the registered name stored beside the ID number's index is encrypted too
-- (FieldCipher, values "enc1:<key id>:<base64>", longer than the plain names: text). Rows from before stay plain until
-- the platform's re-encryption job moves them (person.name is in flexsi.crypto.encrypted-columns); a bank counter's
-- lookup compares the decrypted name, so it matches either form meanwhile.
alter table person alter column name type text;
