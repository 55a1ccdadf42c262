-- Read-your-writes (issue 16): the highest registration version (a per-person counter registration raises with every
-- change) this service has consumed. A request naming a higher version is answered 409 until the event arrives.
create table registration_version (
    person_id varchar(64) primary key,
    version   bigint      not null check (version >= 0)
);
