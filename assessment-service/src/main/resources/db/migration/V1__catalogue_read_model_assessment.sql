-- Policy catalogue: one row per version of a region x year standard. The standard itself is a JSON
-- document (validated by the service before it is stored) so that a new year is data, not a release.
create table catalogue (
    version        varchar(40)  primary key,
    region         char(6)      not null,
    year           integer      not null,
    status         varchar(12)  not null check (status in ('DRAFT', 'PUBLISHED')),
    first_month    char(7)      not null,
    last_month     char(7)      not null,
    effective_from date         not null,
    definition     text         not null,
    source         text         not null,
    created_by     varchar(100) not null,
    created_at     timestamptz  not null,
    published_by   varchar(100),
    published_at   timestamptz
);
create index catalogue_region_year on catalogue (region, year, status);

-- A published version is evidence for every assessment that used it: the database refuses to change it.
create function catalogue_immutable() returns trigger language plpgsql as $$
begin
    if old.status = 'PUBLISHED' then
        raise exception 'catalogue % is published and immutable', old.version;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger catalogue_immutable before update or delete on catalogue
    for each row execute function catalogue_immutable();

-- Read model of flexsi.registration: who is registered, enrolled in what, and who may pay for whom.
create table person (
    person_id      varchar(64)  primary key,
    id_number_hash char(64)     not null,
    name           varchar(100) not null,
    region         char(6)      not null,
    registered_at  timestamptz  not null
);
create index person_id_number on person (id_number_hash);

create table enrolment (
    person_id          varchar(64) not null,
    insurance          varchar(20) not null,
    region             char(6)     not null,
    status             varchar(12) not null check (status in ('ACTIVE', 'INTERRUPTED', 'SUSPENDED')),
    first_month        char(7)     not null,
    last_covered_month char(7),
    grade              varchar(20),
    base               numeric(12, 2),
    rate               varchar(12),
    plan               varchar(40),
    updated_at         timestamptz not null,
    primary key (person_id, insurance)
);

-- Interruptions: months from_month..to_month (to_month null while still interrupted) were not covered.
create table enrolment_gap (
    person_id  varchar(64) not null,
    insurance  varchar(20) not null,
    from_month char(7)     not null,
    to_month   char(7),
    primary key (person_id, insurance, from_month)
);

create table proxy_link (
    person_id varchar(64) not null,
    proxy_id  varchar(64) not null,
    primary key (person_id, proxy_id)
);

-- Read model of flexsi.payment: months already paid per insurance (a refund removes them again).
create table paid_month (
    person_id         varchar(64) not null,
    insurance         varchar(40) not null,
    month             char(7)     not null,
    payment_id        varchar(80) not null,
    assessment_serial varchar(40) not null,
    primary key (person_id, insurance, month)
);

-- Assessments (核定): what is owed, with a serial number and an expiry.
create sequence assessment_serial_seq;

create table assessment (
    id                uuid          primary key,
    serial_number     varchar(40)   not null unique,
    person_id         varchar(64)   not null,
    region            char(6)       not null,
    year              integer,
    source            varchar(20)   not null check (source in ('SELF_SELECTED', 'AGENCY')),
    catalogue_version varchar(40),
    status            varchar(12)   not null check (status in ('OPEN', 'PAID', 'EXPIRED', 'CANCELLED')),
    lines             text          not null,
    total             numeric(14, 2) not null check (total >= 0),
    created_by        varchar(100)  not null,
    created_at        timestamptz   not null,
    expires_at        timestamptz   not null,
    closed_at         timestamptz,
    close_reason      varchar(200),
    agency_reference  varchar(80)   unique
);
create index assessment_person on assessment (person_id);
create index assessment_open_expiry on assessment (expires_at) where status = 'OPEN';

create table assessment_month (
    assessment_id uuid        not null references assessment (id),
    insurance     varchar(40) not null,
    month         char(7)     not null,
    primary key (assessment_id, insurance, month)
);
