-- Four eyes on the working-day calendar (the rights deadlines depend on it): one operator uploads a year as a draft,
-- another publishes it. One pending draft per year; a new upload replaces it under a new draft id.
create table calendar_draft (
    year        integer      primary key,
    draft_id    varchar(36)  not null unique,
    source      varchar(300) not null,
    off_days    text         not null,
    work_days   text         not null,
    uploaded_by varchar(160) not null,
    uploaded_at timestamptz  not null
);
