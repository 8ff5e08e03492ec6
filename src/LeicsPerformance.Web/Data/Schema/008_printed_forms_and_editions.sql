-- The 2021/22 compendium as printed (issue 8).
-- A percentage is at most 100% unless the catalogue says it is unbounded (excess mortality: 505.7%).
alter table indicator add column percent_bounded boolean not null default true;

-- Officers' marker (✓ exceptional, ● performance issue) per indicator and period, as printed; null when none recorded.
alter table indicator_assessment add column officer_marker text;

-- A figure printed under a period's column but for another period ("32.4% (2021)" under "End of Yr 2021/22") is
-- stored under its own period; the assessment of the column's period says which value it shows.
alter table indicator_assessment add column value_period_id integer references reporting_period (id);

-- The compendium edition a dashboard belongs to, named by the first period it reports (FY2017 for 2017/18).
-- A period is shown with the dashboards of the latest edition starting at or before it.
alter table dashboard add column edition_first_period text not null default 'FY2017';
