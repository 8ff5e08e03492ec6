-- 001: the indicator store. Never edit a script once it has run anywhere: add a new numbered one.

-- Places: councils and the wider geographies some indicators cover.
create table area (
    id              serial primary key,
    code            text not null unique,          -- our stable key: the ONS code where known, else a slug
    ons_code        text unique,
    name            text not null unique,
    authority_type  text not null                  -- county, unitary, metropolitan district, london borough, other
);

create table area_population (
    area_id     integer not null references area(id) on delete cascade,
    year        integer not null,                  -- mid-year estimate year
    population  integer not null check (population > 0),
    source      text not null default '',
    primary key (area_id, year)
);

-- Comparator groups are data with a year: membership changes and licensed models (CIPFA) are versioned.
create table comparator_group (
    id          serial primary key,
    code        text not null,
    name        text not null,
    year        integer not null,
    source      text not null default '',
    unique (code, year)
);

create table comparator_group_member (
    comparator_group_id integer not null references comparator_group(id) on delete cascade,
    area_id             integer not null references area(id),
    primary key (comparator_group_id, area_id)
);

-- Themes, dashboards and sections: ordered, renamed and regrouped every few years, so they are data.
create table theme (
    id          serial primary key,
    slug        text not null unique,
    title       text not null,
    sort_order  integer not null
);

create table dashboard (
    id               serial primary key,
    theme_id         integer not null references theme(id),
    slug             text not null unique,
    title            text not null,
    sort_order       integer not null,
    comparator_note  text not null default ''
);

create table dashboard_section (
    id            serial primary key,
    dashboard_id  integer not null references dashboard(id) on delete cascade,
    title         text not null,
    sort_order    integer not null,
    unique (dashboard_id, title)
);

create table indicator (
    id                    serial primary key,
    code                  text not null unique,
    title                 text not null,
    definition            text not null default '',
    dashboard_id          integer not null references dashboard(id),
    section_id            integer references dashboard_section(id),
    sort_order            integer not null,
    polarity              text not null check (polarity in ('high', 'low', 'none')),
    unit                  text not null check (unit in ('number', 'count', 'currency', 'percent', 'rate', 'ratio', 'score')),
    decimals              integer not null default 0 check (decimals between 0 and 6),
    scale                 text not null default 'none' check (scale in ('none', 'thousands', 'millions', 'billions')),
    rate_per              integer,
    strategic_plan        boolean not null default false,
    internal              boolean not null default false,
    source                text not null default '',
    geography_note        text not null default '',
    comparator_group_code text,
    frequency             text not null default 'annual' check (frequency in ('annual', 'quarterly')),
    no_real_change_rule   text not null default 'same-when-rounded',
    notes                 text not null default ''
);

create index ix_indicator_dashboard on indicator (dashboard_id, sort_order);

-- Periods are stored once, with their dates so that different kinds sort together.
create table reporting_period (
    id          serial primary key,
    code        text not null unique,              -- FY2017, FY2021Q1, CY2017, AY2017, D2018-03-31
    kind        text not null,
    label       text not null,
    start_date  date not null,
    end_date    date not null,
    check (end_date >= start_date)
);

-- Every write comes from a load: a seed, an upload or a command-line import.
create table data_load (
    id            serial primary key,
    kind          text not null,                   -- seed, upload, import
    file_name     text not null,
    sha256        text not null,
    loaded_at     timestamptz not null default now(),
    loaded_by     text not null default '',
    rows_read     integer not null default 0,
    rows_added    integer not null default 0,
    rows_changed  integer not null default 0,
    rows_unchanged integer not null default 0,
    rows_rejected integer not null default 0,
    reverted_at   timestamptz
);

create index ix_data_load_sha on data_load (sha256);

-- A value: a number, or a state with an optional number (provisional), for one indicator, area and period.
create table indicator_value (
    id            bigserial primary key,
    indicator_id  integer not null references indicator(id),
    area_id       integer not null references area(id),
    period_id     integer not null references reporting_period(id),
    value         numeric,
    status        text not null check (status in ('published', 'provisional', 'awaited', 'not available', 'not comparable', 'suppressed')),
    as_printed    text not null default '',        -- what the return said, kept for "why is this the number?"
    note          text not null default '',        -- e.g. "Data is for 2017"
    data_load_id  integer not null references data_load(id),
    updated_at    timestamptz not null default now(),
    unique (indicator_id, area_id, period_id)
);

create index ix_indicator_value_period on indicator_value (period_id, indicator_id);

-- History: every change to a value, with what it was before and which load changed it.
create table indicator_value_history (
    id            bigserial primary key,
    indicator_id  integer not null references indicator(id),
    area_id       integer not null references area(id),
    period_id     integer not null references reporting_period(id),
    old_value     numeric,
    old_status    text,
    old_as_printed text,
    new_value     numeric,
    new_status    text,
    new_as_printed text,
    data_load_id  integer not null references data_load(id),
    changed_at    timestamptz not null default now()
);

create index ix_value_history_key on indicator_value_history (indicator_id, area_id, period_id, changed_at);

-- What officers report about an indicator for a period: target, commentary, their judgement of the arrow,
-- and a quartile position when the benchmark comes from outside (LG Inform, ASCOF, PHOF ...).
create table indicator_assessment (
    id                     bigserial primary key,
    indicator_id           integer not null references indicator(id),
    period_id              integer not null references reporting_period(id),
    target_text            text not null default '',
    commentary             text not null default '',
    officer_direction      text check (officer_direction in ('improved', 'noRealChange', 'worse', 'notDetermined')),
    reported_quartile      text not null default '',   -- as printed: 2nd, 1st/2nd, 4th (2016/17)
    quartile_best          integer check (quartile_best between 1 and 4),
    quartile_worst         integer check (quartile_worst between 1 and 4),
    quartile_note          text not null default '',
    quartile_group_code    text,
    definition_changed     boolean not null default false,
    data_load_id           integer not null references data_load(id),
    updated_at             timestamptz not null default now(),
    unique (indicator_id, period_id)
);
