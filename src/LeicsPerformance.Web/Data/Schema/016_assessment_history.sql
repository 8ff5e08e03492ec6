-- What a load found in indicator_assessment before it wrote there (issue 10): targets, commentary, officers' arrows,
-- reported quartiles and markers get the same audit and undo as values. One row per assessment a load wrote;
-- `existed` false means the load created it (a revert deletes it), otherwise the old_* columns are what a revert
-- puts back. Only ever added to.
create table indicator_assessment_history (
    id                         bigserial primary key,
    data_load_id               integer not null references data_load(id),
    indicator_id               integer not null references indicator(id),
    period_id                  integer not null references reporting_period(id),
    existed                    boolean not null,
    old_target_text            text,
    old_commentary             text,
    old_officer_direction      text,
    old_reported_quartile      text,
    old_quartile_best          integer,
    old_quartile_worst         integer,
    old_quartile_note          text,
    old_quartile_group_code    text,
    old_officer_marker         text,
    old_value_period_id        integer references reporting_period(id),
    old_data_load_id           integer references data_load(id),
    changed_at                 timestamptz not null default now()
);

create index indicator_assessment_history_load on indicator_assessment_history (data_load_id);

-- The pages read assessments' history through the audit pages: it moves the data version like every such table.
create constraint trigger indicator_assessment_history_moves_data_version
    after insert or update or delete on indicator_assessment_history
    deferrable initially deferred for each row execute function move_data_version();
