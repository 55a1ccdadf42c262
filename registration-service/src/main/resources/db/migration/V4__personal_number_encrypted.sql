-- Personal data at rest (issue 17): the agency's personal number (个人编号) identifies a person as his ID number does,
-- so it is stored encrypted too (FieldCipher, values "enc1:<key id>:<base64>", longer than the plain ones: text).
-- Rows from before stay plain until the platform's re-encryption job moves them (flexsi.crypto.encrypted-columns);
-- nothing looks a person up by it.
alter table person alter column personal_number type text;
