-- 004: Overview and Scrutiny committees, their quarterly reports (published versions frozen as snapshots),
-- members' questions and actions, and a flag for loads of illustrative (made-up) figures.

-- Anything that is not the council's real data says so wherever it is shown: the load that wrote a value says
-- whether it was illustrative (the sample quarterly returns under data/returns/illustrative/).
alter table data_load add column is_illustrative boolean not null default false;

-- The Scrutiny Commission and the Overview and Scrutiny committees: data, because committees are renamed and
-- regrouped as the council's structures change.
create table committee (
    id           serial primary key,
    slug         text not null unique,
    title        text not null,
    short_title  text not null default '',
    remit        text not null default '',
    sort_order   integer not null
);

-- What a committee scrutinises: whole dashboards and/or single indicators (exactly one of the two per row).
create table committee_scope (
    id            serial primary key,
    committee_id  integer not null references committee(id) on delete cascade,
    dashboard_id  integer references dashboard(id) on delete cascade,
    indicator_id  integer references indicator(id) on delete cascade,
    sort_order    integer not null default 0,
    check ((dashboard_id is null) <> (indicator_id is null))
);

create unique index ux_committee_scope_dashboard on committee_scope (committee_id, dashboard_id) where dashboard_id is not null;
create unique index ux_committee_scope_indicator on committee_scope (committee_id, indicator_id) where indicator_id is not null;

create table committee_meeting (
    id                     serial primary key,
    committee_id           integer not null references committee(id) on delete cascade,
    meeting_date           date not null,
    considers_period_code  text,                     -- the quarter whose performance report the meeting considers (FY2021Q1)
    source                 text not null default '', -- where the date comes from, or "illustrative"
    unique (committee_id, meeting_date)
);

-- The questions Scrutiny members agreed as a starting point (the council's own text, quoted).
create table questioning_prompt (
    id          serial primary key,
    kind        text not null check (kind in ('introduction', 'prompt')),
    sort_order  integer not null,
    text        text not null,
    unique (kind, sort_order)
);

-- A published quarterly report is a version: exactly what the committee saw, frozen as JSON.
create table committee_report (
    id             serial primary key,
    committee_id   integer not null references committee(id),
    period_code    text not null,                    -- FY2021Q1
    snapshot       jsonb not null,
    published_at   timestamptz not null default now(),
    published_by   text not null,
    unique (committee_id, period_code)
);

-- Questions members raised at a meeting and the answer or action agreed; open ones are carried forward to the
-- following quarters' reports until closed.
create table committee_question (
    id             serial primary key,
    committee_id   integer not null references committee(id),
    period_code    text not null,                    -- the quarter's report it was raised against
    indicator_id   integer references indicator(id),
    question       text not null,
    response       text not null default '',         -- the answer given or the action agreed
    asked_by       text not null default '',
    recorded_by    text not null,
    recorded_at    timestamptz not null default now(),
    closed_on      date,
    closing_note   text not null default '',
    closed_by      text
);

create index ix_committee_question_open on committee_question (committee_id, closed_on);
