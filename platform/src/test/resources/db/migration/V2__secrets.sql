-- a column of personal data as a service has one: encrypted by FieldCipher, moved by Reencryption
create table test_secret (
    id     varchar(60) primary key,
    value  text
);
