-- Indicator lineage (issue 8): a measure printed in a later compendium edition under its own code continues one
-- printed in an earlier edition. The link is reviewed data (data/catalogue/indicator-lineage.csv) with its evidence;
-- a link across a change of definition is kept but marked, so a trend across it never claims a direction.
create table indicator_lineage (
    indicator_id integer primary key references indicator (id),
    continues_indicator_id integer not null unique references indicator (id),
    definition_changed boolean not null,
    evidence text not null,
    check (indicator_id <> continues_indicator_id)
);
